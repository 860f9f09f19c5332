/**
 * The History view, the lab notebook of the workbench: every stored run with its dataset, spec,
 * mode, workers, status, duration, best accuracy per kind (marked with how many trials it is over
 * when the run stopped early), folds, seed, grid size, tags and the run it was compared with;
 * filtered by words and sorted by any column. A run gets a name, tags and a note of the user's
 * (stored in the run's {@link io.kinefold.store.RunNote}), and two or more chosen runs open side by
 * side as a {@link io.kinefold.report.RunsComparison}, which the engine builds and
 * {@link io.kinefold.ui.history.ComparisonPane} only lays out. {@link io.kinefold.ui.history.HistoryViewModel}
 * reads the store off the FX thread and touches no control; {@link io.kinefold.ui.history.HistoryView}
 * only binds.
 */
package io.kinefold.ui.history;
