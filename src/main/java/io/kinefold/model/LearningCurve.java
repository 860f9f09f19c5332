package io.kinefold.model;

import java.util.Arrays;

/**
 * The loss of every epoch a trial ran, for drawing learning curves.
 *
 * <p>{@code trainLoss[e]} is the running mean over epoch {@code e + 1}'s batches of each batch's
 * class-weighted cross-entropy, weighted by batch size, as Keras reports a training loss: every
 * batch measured with the parameters it started from and with dropout, so it lags and sits above
 * the loss the epoch's final parameters would give. {@code validationLoss[e]} is the loss on the
 * validation block with the epoch's final parameters and without dropout, or NaN for every epoch
 * of a trial that had no validation block. The two arrays have one entry per epoch run.
 *
 * @param bestEpoch the epoch (from 1) whose parameters the trial kept and was tested with: the
 *     one with the lowest validation loss under early stopping, else the last one run; 0 when no
 *     epoch was recorded
 */
public record LearningCurve(double[] trainLoss, double[] validationLoss, int bestEpoch) {
    /** The curve of a trial that recorded none (stored before curves were kept). */
    public static final LearningCurve NONE = new LearningCurve(new double[0], new double[0], 0);

    public LearningCurve {
        if (trainLoss == null || validationLoss == null || trainLoss.length != validationLoss.length) {
            throw new IllegalArgumentException("a learning curve needs one training and one validation loss per epoch");
        }
        if (bestEpoch < (trainLoss.length == 0 ? 0 : 1) || bestEpoch > trainLoss.length) {
            throw new IllegalArgumentException("best epoch " + bestEpoch + " outside the " + trainLoss.length + " epochs run");
        }
        trainLoss = trainLoss.clone();
        validationLoss = validationLoss.clone();
    }

    /** Epochs recorded. */
    public int epochs() {
        return trainLoss.length;
    }

    @Override
    public double[] trainLoss() {
        return trainLoss.clone();
    }

    @Override
    public double[] validationLoss() {
        return validationLoss.clone();
    }

    /** The training loss of epoch {@code epoch}, from 1. */
    public double trainLoss(int epoch) {
        return trainLoss[epoch - 1];
    }

    /** The validation loss of epoch {@code epoch}, from 1; NaN without a validation block. */
    public double validationLoss(int epoch) {
        return validationLoss[epoch - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LearningCurve c && bestEpoch == c.bestEpoch
                && Arrays.equals(trainLoss, c.trainLoss) && Arrays.equals(validationLoss, c.validationLoss);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(trainLoss) + Arrays.hashCode(validationLoss)) + bestEpoch;
    }

    @Override
    public String toString() {
        return "LearningCurve[trainLoss=" + Arrays.toString(trainLoss) + ", validationLoss=" + Arrays.toString(validationLoss)
                + ", bestEpoch=" + bestEpoch + "]";
    }
}
