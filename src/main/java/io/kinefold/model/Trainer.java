package io.kinefold.model;

import io.kinefold.data.ModelKind;
import io.kinefold.experiment.Metrics;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
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
     * Fits and evaluates.
     *
     * @param validation held-out training subjects for early stopping, or null to run every epoch
     * @param patience epochs without a better validation loss before stopping
     * @throws CancellationException when {@code cancelled} turns true, checked between batches
     */
    public static Metrics fit(ModelKind kind, Hyperparameters params, int classes, DataBlock train, DataBlock validation,
                              int patience, DataBlock test, long seed, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        Nd4j.getRandom().setSeed(seed);
        INDArray weights = classWeights(train.labels(), classes);
        MultiLayerNetwork net = kind == ModelKind.REP
                ? Networks.recurrent((RecurrentParams) params, train.features(), classes, weights, seed)
                : Networks.feedForward((FeedForwardParams) params, train.features(), classes, weights, seed);
        Random shuffle = new Random(seed * 31 + 17);
        int[] order = new int[train.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        DataSet validationSet = validation == null || validation.size() == 0 ? null : dataSet(validation, classes, null);
        double bestLoss = Double.POSITIVE_INFINITY;
        INDArray bestParams = null;
        int bestEpoch = 0;
        int epochsRun = 0;
        for (int epoch = 1; epoch <= params.epochs(); epoch++) {
            shuffle(order, shuffle);
            for (int from = 0; from < order.length; from += params.batchSize()) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("cancelled");
                }
                int to = Math.min(order.length, from + params.batchSize());
                int[] batch = java.util.Arrays.copyOfRange(order, from, to);
                net.fit(dataSet(train, classes, batch));
            }
            epochsRun = epoch;
            if (validationSet != null) {
                double loss = net.score(validationSet, false);
                if (loss < bestLoss - 1e-6) {
                    bestLoss = loss;
                    bestEpoch = epoch;
                    bestParams = net.params().dup();
                } else if (epoch - bestEpoch >= patience) {
                    break;
                }
            }
        }
        if (bestParams != null) {
            net.setParams(bestParams);
        }
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        int[][] confusion = new int[classes][classes];
        INDArray out = net.output(features(test, null), false);
        INDArray predicted = out.argMax(1);
        for (int i = 0; i < test.size(); i++) {
            confusion[test.labels()[i]][predicted.getInt(i)]++;
        }
        return new Metrics(accuracy(confusion), macroF1(confusion), confusion, trainSeconds, epochsRun, train.size(), test.size());
    }

    /** Weights inversely proportional to class frequency, so that each class carries equal total weight. */
    static INDArray classWeights(int[] labels, int classes) {
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        float[] w = new float[classes];
        for (int c = 0; c < classes; c++) {
            w[c] = counts[c] == 0 ? 1f : (float) labels.length / (classes * counts[c]);
        }
        return Nd4j.create(w).castTo(DataType.FLOAT).reshape(1, classes);
    }

    private static void shuffle(int[] a, Random r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static DataSet dataSet(DataBlock block, int classes, int[] indices) {
        int n = indices == null ? block.size() : indices.length;
        float[] labels = new float[n * classes];
        for (int i = 0; i < n; i++) {
            labels[i * classes + block.labels()[indices == null ? i : indices[i]]] = 1f;
        }
        return new DataSet(features(block, indices), Nd4j.create(labels, new long[] {n, classes}, 'c'));
    }

    /** {@code [n, features]} for frames, {@code [n, features, time]} for sequences (DL4J's NCW). */
    private static INDArray features(DataBlock block, int[] indices) {
        int n = indices == null ? block.size() : indices.length;
        int f = block.features();
        if (!block.sequential()) {
            float[] flat = new float[n * f];
            for (int i = 0; i < n; i++) {
                System.arraycopy(block.rows()[indices == null ? i : indices[i]], 0, flat, i * f, f);
            }
            return Nd4j.create(flat, new long[] {n, f}, 'c');
        }
        int t = block.timeSteps();
        float[] flat = new float[n * f * t];
        for (int i = 0; i < n; i++) {
            float[] row = block.rows()[indices == null ? i : indices[i]];
            for (int step = 0; step < t; step++) {
                for (int j = 0; j < f; j++) {
                    flat[(i * f + j) * t + step] = row[step * f + j];
                }
            }
        }
        return Nd4j.create(flat, new long[] {n, f, t}, 'c');
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
