/**
 * The Results view: a stored run's models, the grid points of the one selected with the best
 * highlighted and tested against the runner-up, the confusion matrix of a grid point, the
 * single-process and pool timings of a comparison side by side with their CPU and memory charts,
 * and export of the report and its charts. {@link io.kinefold.ui.results.ResultsViewModel} reads
 * the store off the FX thread and touches no control; {@link io.kinefold.ui.results.ResultsView}
 * only binds.
 */
package io.kinefold.ui.results;
