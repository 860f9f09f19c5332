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
 * @param curve the loss of every epoch run and the epoch kept; {@link LearningCurve#NONE} for a
 *     trial that recorded none (null reads as that)
 */
public record Metrics(double accuracy, double macroF1, int[][] confusion, double trainSeconds, int epochs,
                      int trainSamples, int testSamples, LearningCurve curve) {

    public Metrics {
        curve = curve == null ? LearningCurve.NONE : curve;
    }

    /** Metrics without a learning curve. */
    public Metrics(double accuracy, double macroF1, int[][] confusion, double trainSeconds, int epochs,
                   int trainSamples, int testSamples) {
        this(accuracy, macroF1, confusion, trainSeconds, epochs, trainSamples, testSamples, LearningCurve.NONE);
    }
}
