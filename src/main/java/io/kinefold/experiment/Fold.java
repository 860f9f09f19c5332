package io.kinefold.experiment;

/**
 * One cross-validation fold: indices into a model's samples.
 *
 * @param index fold number, from 0
 * @param train indices of the training samples, ascending
 * @param test indices of the test samples, ascending
 */
public record Fold(int index, int[] train, int[] test) {}
