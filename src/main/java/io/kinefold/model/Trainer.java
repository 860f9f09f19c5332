package io.kinefold.model;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains one network on the training folds and evaluates it on the test fold. Deterministic for
 * a seed: the same data, hyperparameters and seed give the same metrics in any process.
 */
public final class Trainer {
    private Trainer() {}

    /**
     * Limits ND4J to one native thread in this process: with several small processes side by
     * side, and small models, more threads only add contention.
     */
    public static void useOneNativeThread() {
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
    }

    /**
     * Fits and evaluates. The metrics carry the {@link LearningCurve}: per epoch the running mean
     * of the batch losses (with dropout, as Keras reports a training loss) and the validation
     * loss, and the epoch whose parameters were kept.
     *
     * @param validation held-out training subjects for early stopping, or null to run every epoch
     * @param patience epochs without a better validation loss before stopping
     * @throws CancellationException when {@code cancelled} turns true, checked between batches
     */
    public static Metrics fit(NetworkFactory factory, Hyperparameters params, int classes, DataBlock train, DataBlock validation,
                              int patience, DataBlock test, long seed, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        try (Net net = network(factory, classes, train, seed)) {
            return fit(net, params, classes, train, validation, patience, test, seed, cancelled, started);
        }
    }

    /**
     * A network trained on all it is given, for keeping rather than for scoring: what a refit of
     * a grid point makes. The caller owns (and closes) the network.
     *
     * @param epochs epochs run (fewer than asked when the validation loss stopped improving)
     * @param trainAccuracy share of the training samples the trained network classifies correctly
     * @param trainSeconds wall time of training
     */
    public record Trained(Net net, int epochs, double trainAccuracy, double trainSeconds) implements AutoCloseable {
        @Override
        public void close() {
            net.close();
        }
    }

    /**
     * Trains as {@link #fit} does, on the same seed the same way, and returns the network instead
     * of metrics on a test fold.
     *
     * @param validation held-out training subjects for early stopping, or null to run every epoch
     * @throws CancellationException when {@code cancelled} turns true, checked between batches
     */
    public static Trained train(NetworkFactory factory, Hyperparameters params, int classes, DataBlock train, DataBlock validation,
                                int patience, long seed, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        Net net = network(factory, classes, train, seed);
        try {
            // The training samples stand in for the test fold: fit's own loop then trains exactly as a trial does.
            Metrics m = fit(net, params, classes, train, validation, patience, train, seed, cancelled, started);
            return new Trained(net, m.epochs(), m.accuracy(), m.trainSeconds());
        } catch (RuntimeException | Error e) {
            net.close();
            throw e;
        }
    }

    private static Metrics fit(Net net, Hyperparameters params, int classes, DataBlock train, DataBlock validation, int patience,
                               DataBlock test, long seed, BooleanSupplier cancelled, long started) {
        Random shuffle = new Random(seed * 31 + 17);
        int[] order = new int[train.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        boolean validating = validation != null && validation.size() > 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        INDArray bestParams = null;
        int bestEpoch = 0;
        int epochsRun = 0;
        double[] trainLoss = new double[params.epochs()];
        double[] validationLoss = new double[params.epochs()];
        for (int epoch = 1; epoch <= params.epochs(); epoch++) {
            shuffle(order, shuffle);
            double lossSum = 0;
            for (int from = 0; from < order.length; from += params.batchSize()) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("cancelled");
                }
                int to = Math.min(order.length, from + params.batchSize());
                lossSum += net.fit(train, order, from, to) * (to - from);
            }
            epochsRun = epoch;
            trainLoss[epoch - 1] = lossSum / order.length;
            validationLoss[epoch - 1] = Double.NaN;
            if (validating) {
                double loss = net.loss(validation);
                validationLoss[epoch - 1] = loss;
                if (loss < bestLoss - 1e-6) {
                    bestLoss = loss;
                    bestEpoch = epoch;
                    if (bestParams == null) {
                        bestParams = net.params().dup();
                    } else {
                        bestParams.assign(net.params());
                    }
                } else if (epoch - bestEpoch >= patience) {
                    break;
                }
            }
        }
        if (bestParams != null) {
            net.setParams(bestParams);
        } else {
            bestEpoch = epochsRun; // the last epoch's parameters are the ones tested
        }
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        LearningCurve curve = new LearningCurve(Arrays.copyOf(trainLoss, epochsRun), Arrays.copyOf(validationLoss, epochsRun), bestEpoch);
        int[][] confusion = new int[classes][classes];
        float[][] probabilities = net.predict(test);
        for (int i = 0; i < test.size(); i++) {
            confusion[test.labels()[i]][argMax(probabilities[i])]++;
        }
        return new Metrics(accuracy(confusion), macroF1(confusion), confusion, trainSeconds, epochsRun, train.size(), test.size(),
                curve);
    }

    /** A freshly initialised network, seeded: the same seed gives the same weights. */
    static Net network(NetworkFactory factory, int classes, DataBlock train, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return factory.create(train.features(), classes, classWeights(train.labels(), classes));
    }

    /** The predicted class of one sample's probabilities: the most probable, the first of a tie. */
    public static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Weights inversely proportional to class frequency, so that each class carries equal total weight. */
    static float[] classWeights(int[] labels, int classes) {
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        float[] w = new float[classes];
        for (int c = 0; c < classes; c++) {
            w[c] = counts[c] == 0 ? 1f : (float) labels.length / (classes * counts[c]);
        }
        return w;
    }

    private static void shuffle(int[] a, Random r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    static double accuracy(int[][] confusion) {
        long right = 0, all = 0;
        for (int a = 0; a < confusion.length; a++) {
            for (int p = 0; p < confusion.length; p++) {
                all += confusion[a][p];
                if (a == p) {
                    right += confusion[a][p];
                }
            }
        }
        return all == 0 ? Double.NaN : (double) right / all;
    }

    /** F1 averaged over the classes present in the test fold or predicted there. */
    static double macroF1(int[][] confusion) {
        double sum = 0;
        int counted = 0;
        for (int c = 0; c < confusion.length; c++) {
            int tp = confusion[c][c], actual = 0, predicted = 0;
            for (int k = 0; k < confusion.length; k++) {
                actual += confusion[c][k];
                predicted += confusion[k][c];
            }
            if (actual == 0 && predicted == 0) {
                continue;
            }
            sum += 2.0 * tp / (actual + predicted);
            counted++;
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }
}
