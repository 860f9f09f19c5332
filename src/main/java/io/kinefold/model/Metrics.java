package io.kinefold.model;

/**
 * What one trial measured on its test fold.
 *
 * @param accuracy share of test samples classified correctly
 * @param macroF1 F1 averaged over classes with equal weight
 * @param confusion {@code [actual][predicted]} counts
 * @param trainSeconds wall time of training, evaluation excluded
 * @param epochs epochs actually run (fewer than asked with early stopping)
 * @param trainSamples samples in the training folds
 * @param testSamples samples in the test fold
 */
public record Metrics(double accuracy, double macroF1, int[][] confusion, double trainSeconds, int epochs,
                      int trainSamples, int testSamples) {}
