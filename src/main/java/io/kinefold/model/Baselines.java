package io.kinefold.model;

/**
 * The trivial models a network is measured against, on the same training and test blocks:
 * always the majority class, and the nearest neighbour. Deterministic: ties go to the lower class
 * index and to the earlier training sample.
 */
public final class Baselines {
    private Baselines() {}

    /** Always predicts the most frequent class of {@code train} (Weka's ZeroR). */
    public static Metrics majority(DataBlock train, DataBlock test, int classes) {
        long started = System.nanoTime();
        int[] counts = new int[classes];
        for (int label : train.labels()) {
            counts[label]++;
        }
        int majority = 0;
        for (int c = 1; c < classes; c++) {
            if (counts[c] > counts[majority]) {
                majority = c;
            }
        }
        int[][] confusion = new int[classes][classes];
        for (int label : test.labels()) {
            confusion[label][majority]++;
        }
        return metrics(confusion, started, train, test);
    }

    /**
     * Predicts the class of the training sample nearest by Euclidean distance over the whole row:
     * a frame's features, or a resampled sequence's features at every time step (1-NN).
     */
    public static Metrics nearest(DataBlock train, DataBlock test, int classes) {
        long started = System.nanoTime();
        int[][] confusion = new int[classes][classes];
        float[][] rows = train.rows();
        for (int i = 0; i < test.size(); i++) {
            float[] x = test.rows()[i];
            int nearest = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < rows.length; j++) {
                double d = distanceBelow(x, rows[j], best);
                if (d < best) {
                    best = d;
                    nearest = j;
                }
            }
            int predicted = nearest < 0 ? 0 : train.labels()[nearest];
            confusion[test.labels()[i]][predicted]++;
        }
        return metrics(confusion, started, train, test);
    }

    /** The squared distance, or anything not below {@code bound} once it is known to exceed it. */
    private static double distanceBelow(float[] a, float[] b, double bound) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            double d = a[k] - b[k];
            sum += d * d;
            if (sum >= bound) {
                return sum;
            }
        }
        return sum;
    }

    private static Metrics metrics(int[][] confusion, long started, DataBlock train, DataBlock test) {
        return new Metrics(Trainer.accuracy(confusion), Trainer.macroF1(confusion), confusion,
                (System.nanoTime() - started) / 1e9, 0, train.size(), test.size());
    }
}
