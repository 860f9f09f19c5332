/**
 * The Results view: a stored run's models, the grid points of the one selected with the best
 * highlighted and tested against the runner-up and the baselines, the confusion matrix of a grid
 * point, its folds and learning curves, accuracy against each hyperparameter (slice charts), the
 * single-process and pool timings of a comparison side by side with their CPU and memory charts,
 * and export of the report, its charts and the best model, listed as background tasks while they
 * run. {@link io.kinefold.ui.results.ResultsViewModel} reads the store off the FX thread, builds
 * the charts' data ({@link io.kinefold.ui.results.SliceChart},
 * {@link io.kinefold.ui.results.LearningCurves}) and touches no control;
 * {@link io.kinefold.ui.results.ResultsView} only binds and draws.
 */
package io.kinefold.ui.results;
