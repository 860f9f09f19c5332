/**
 * The experiment view: choose the models of the open dataset and the grid of each in forms made
 * from the hyperparameter definitions, set folds, seed, early stopping and workers, see the grid
 * points, trials and a rough estimate of time and memory as you type, and load presets or open
 * and save spec files. The valid spec goes to the app context, where the Run view runs it, and to
 * the preferences, where the next session starts from it. A model the dataset cannot have is
 * shown off with the reason.
 */
package io.kinefold.ui.experiment;
