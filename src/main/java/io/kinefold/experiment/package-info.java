/**
 * Experiments: specs read from JSON, checked against a dataset and expanded into grid points and
 * trials; folds stratified by label, grouped by subject and fixed by the seed; trial results and
 * their summaries, with the corrected resampled t-test between the best grid points.
 */
package io.kinefold.experiment;
