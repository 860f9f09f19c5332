package io.kinefold.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DenseNetTest {

    @BeforeAll
    static void oneThread() {
        Trainer.useOneNativeThread();
    }

    /**
     * Recomputes every hidden layer from the layer below as the training pass left it: each unit is
     * either 0 (dropped) or its ReLU output scaled by 1/keep, and the first layer's ReLU output is
     * computed from the input features as given, so no feature was dropped. About half of the units
     * that were active are dropped, in every layer, the last (which the softmax layer reads) too.
     */
    @ParameterizedTest(name = "{0} hidden layer(s)")
    @CsvSource({"1", "3"})
    void dropoutDropsHiddenUnitsAndNeverInputFeatures(int layers) {
        FeedForwardParams p = new FeedForwardParams(layers, 64, 40, 0.01, 1, 0.5);
        DataBlock data = frames(40, 28, 3);
        DenseNet net = (DenseNet) Trainer.network((f, c, w) -> new DenseNet(p, f, c, w), 2, data, 5);
        Nd4j.getRandom().setSeed(17);

        float[][][] trained = net.hiddenActivations(data, true);

        float[][] below = data.rows();
        for (int l = 0; l < layers; l++) {
            float[][] relu = relu(below, net.weights(l), net.bias(l));
            int active = 0;
            int dropped = 0;
            for (int i = 0; i < relu.length; i++) {
                for (int u = 0; u < relu[i].length; u++) {
                    float t = trained[l][i][u];
                    if (t == 0f) {
                        dropped += relu[i][u] > 0 ? 1 : 0;
                    } else {
                        assertThat((double) t).as("layer %d sample %d unit %d", l, i, u)
                                .isCloseTo(relu[i][u] / 0.5, org.assertj.core.data.Offset.offset(1e-4));
                    }
                    active += relu[i][u] > 0 ? 1 : 0;
                }
            }
            assertThat((double) dropped / active).as("share of active units of layer %d dropped", l).isBetween(0.4, 0.6);
            below = trained[l];
        }
    }

    @ParameterizedTest(name = "{0} hidden layer(s)")
    @CsvSource({"1", "2"})
    void dropsNothingOutsideTraining(int layers) {
        FeedForwardParams p = new FeedForwardParams(layers, 32, 40, 0.01, 1, 0.5);
        DataBlock data = frames(40, 28, 4);
        DenseNet net = (DenseNet) Trainer.network((f, c, w) -> new DenseNet(p, f, c, w), 2, data, 6);

        float[][][] evaluated = net.hiddenActivations(data, false);

        float[][] below = data.rows();
        for (int l = 0; l < layers; l++) {
            float[][] relu = relu(below, net.weights(l), net.bias(l));
            for (int i = 0; i < relu.length; i++) {
                for (int u = 0; u < relu[i].length; u++) {
                    assertThat((double) evaluated[l][i][u]).isCloseTo(relu[i][u], org.assertj.core.data.Offset.offset(1e-4));
                }
            }
            below = evaluated[l];
        }
    }

    /** {@code max(0, x · W + b)}, summed in doubles. */
    private static float[][] relu(float[][] x, INDArray w, java.nio.FloatBuffer b) {
        int in = (int) w.size(0);
        int out = (int) w.size(1);
        float[][] y = new float[x.length][out];
        for (int i = 0; i < x.length; i++) {
            for (int u = 0; u < out; u++) {
                double z = b.get(u);
                for (int k = 0; k < in; k++) {
                    z += x[i][k] * w.getDouble(k, u);
                }
                y[i][u] = (float) Math.max(0, z);
            }
        }
        return y;
    }

    private static DataBlock frames(int n, int features, long seed) {
        Random r = new Random(seed);
        float[][] rows = new float[n][features];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            for (int j = 0; j < features; j++) {
                rows[i][j] = (float) r.nextGaussian();
            }
        }
        return new DataBlock(rows, labels, 0, features);
    }
}
