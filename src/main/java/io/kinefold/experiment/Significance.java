package io.kinefold.experiment;

/**
 * Whether the best grid point beats the runner-up (or the best baseline) over the same folds, by the corrected
 * resampled t-test of Nadeau and Bengio (2003) on fold accuracies.
 *
 * @param best grid point index of the best
 * @param runnerUp grid point index of the runner-up, or the baseline's negative index ({@link Baseline#gridPoint})
 * @param meanDifference mean accuracy difference best − runner-up over the folds
 * @param t corrected t statistic
 * @param p two-sided p value, with folds − 1 degrees of freedom
 * @param significant p below 0.05
 */
public record Significance(int best, int runnerUp, double meanDifference, double t, double p, boolean significant) {}
