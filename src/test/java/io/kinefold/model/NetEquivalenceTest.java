package io.kinefold.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The lean networks compute what DL4J's networks of the same configuration compute: with the same
 * weights, the same outputs, the same loss, the same gradients and, after one Adam step on the same
 * batch, the same outputs. "The same" is within 1e-4 relative: each element of a block within 1e-4
 * of the larger of its own size and a tenth of the block's largest element (float sums in another
 * order differ by more than that on elements a thousand times smaller than their neighbours).
 */
class NetEquivalenceTest {
    private static final double TOLERANCE = 1e-4;

    @BeforeAll
    static void oneThread() {
        Trainer.useOneNativeThread();
    }

    @ParameterizedTest(name = "{0} LSTM layer(s) of {1} units over {2} steps, batch of {3}")
    @Tag("slow")
    @CsvSource(textBlock = """
            1, 16, 24, 12
            2,  8, 30, 5
            2, 32, 24, 16
            3, 12, 24, 1
            """)
    void lstmNetworkMatchesDl4jsLstmNetwork(int layers, int units, int steps, int batch) {
        RecurrentParams p = new RecurrentParams(layers, units, steps, batch, 0.01, 1);
        DataBlock data = randomBlock(batch, steps, 28, 3, 5);
        LstmNet lean = (LstmNet) Trainer.network((f, c, w) -> new LstmNet(p, f, c, w), 3, data, 9);
        MultiLayerNetwork dl4j = Networks.recurrent(p, 28, 3, Nd4j.create(Trainer.classWeights(data.labels(), 3)).reshape(1, 3), 9);
        for (int l = 0; l < layers; l++) {
            dl4j.setParam(l + "_W", LstmNet.toDl4jGateOrder(lean.inputWeights(l), units, false));
            dl4j.setParam(l + "_RW", LstmNet.toDl4jGateOrder(lean.recurrentWeights(l), units, false));
            dl4j.setParam(l + "_b", LstmNet.toDl4jGateOrder(lean.bias(l), units, false).reshape(1, 4L * units));
        }
        copyOutputLayer(lean, dl4j, layers);
        DataSet batchSet = dataSet(data, 3);

        assertClose("output", matrix(lean.predict(data)), dl4j.output(batchSet.getFeatures(), false));
        assertThat(lean.loss(data)).isCloseTo(dl4j.score(batchSet, false), org.assertj.core.data.Percentage.withPercentage(0.01));

        INDArray leanGradient = lean.gradient(data);
        Gradient g = dl4jGradient(dl4j, batchSet);
        LstmNet shaped = lean; // gradient blocks sit where the parameter blocks sit
        int offset = 0;
        for (int l = 0; l < layers; l++) {
            long in = l == 0 ? 28 : units;
            offset = compareBlock(leanGradient, offset, in, 4L * units, l + "_W", g, batch, units, true);
            offset = compareBlock(leanGradient, offset, units, 4L * units, l + "_RW", g, batch, units, true);
            offset = compareBlock(leanGradient, offset, 1, 4L * units, l + "_b", g, batch, units, true);
        }
        offset = compareBlock(leanGradient, offset, units, 3, layers + "_W", g, batch, units, false);
        compareBlock(leanGradient, offset, 1, 3, layers + "_b", g, batch, units, false);
        assertThat(shaped.params().length()).isEqualTo(dl4j.numParams());

        lean.fit(data, identity(batch), 0, batch);
        dl4j.fit(batchSet);
        assertClose("output after one Adam step", matrix(lean.predict(data)), dl4j.output(batchSet.getFeatures(), false));
    }

    @ParameterizedTest(name = "{0} LSTM layer(s) of {1} units")
    @CsvSource(textBlock = """
            1, 16
            2, 32
            3, 64
            """)
    void startsEveryLstmLayerWithForgetGateBiasOneAndOtherBiasesZero(int layers, int units) {
        RecurrentParams p = new RecurrentParams(layers, units, 24, 8, 0.01, 1);
        LstmNet net = (LstmNet) Trainer.network((f, c, w) -> new LstmNet(p, f, c, w), 2, randomBlock(8, 24, 28, 2, 1), 3);
        for (int l = 0; l < layers; l++) {
            INDArray dl4jOrder = LstmNet.toDl4jGateOrder(net.bias(l), units, false); // (cell, forget, output, input)
            for (int k = 0; k < 4 * units; k++) {
                assertThat(dl4jOrder.getDouble(k)).as("layer %d bias %d", l, k).isEqualTo(k / units == 1 ? 1.0 : 0.0);
            }
            assertThat(net.inputWeights(l).shape()).isEqualTo(new long[] {l == 0 ? 28 : units, 4L * units});
            assertThat(net.recurrentWeights(l).shape()).isEqualTo(new long[] {units, 4L * units});
            assertThat(net.recurrentWeights(l).stdNumber().doubleValue()).as("Xavier-initialised")
                    .isCloseTo(Math.sqrt(2.0 / ((l == 0 ? 28 : units) + 2.0 * units)), org.assertj.core.data.Percentage.withPercentage(15));
        }
    }

    @ParameterizedTest(name = "{0} dense layer(s) of {1} units, batch of {2}")
    @Tag("slow")
    @CsvSource(textBlock = """
            1, 16, 20
            2, 64, 64
            4, 8, 3
            """)
    void denseNetworkMatchesDl4jsDenseNetwork(int layers, int units, int batch) {
        FeedForwardParams p = new FeedForwardParams(layers, units, batch, 0.01, 1, 0.0);
        DataBlock data = randomBlock(batch, 0, 28, 3, 6);
        DenseNet lean = (DenseNet) Trainer.network((f, c, w) -> new DenseNet(p, f, c, w), 3, data, 4);
        MultiLayerNetwork dl4j = Networks.feedForward(p, 28, 3, Nd4j.create(Trainer.classWeights(data.labels(), 3)).reshape(1, 3), 4);
        for (int l = 0; l < layers; l++) {
            dl4j.setParam(l + "_W", lean.weights(l));
            dl4j.setParam(l + "_b", bufferRow(lean.bias(l), units));
        }
        copyOutputLayer(lean, dl4j, layers);
        DataSet batchSet = dataSet(data, 3);

        assertClose("output", matrix(lean.predict(data)), dl4j.output(batchSet.getFeatures(), false));
        assertThat(lean.loss(data)).isCloseTo(dl4j.score(batchSet, false), org.assertj.core.data.Percentage.withPercentage(0.01));

        INDArray leanGradient = lean.gradient(data);
        Gradient g = dl4jGradient(dl4j, batchSet);
        int offset = 0;
        for (int l = 0; l < layers; l++) {
            offset = compareBlock(leanGradient, offset, l == 0 ? 28 : units, units, l + "_W", g, batch, units, false);
            offset = compareBlock(leanGradient, offset, 1, units, l + "_b", g, batch, units, false);
        }
        offset = compareBlock(leanGradient, offset, units, 3, layers + "_W", g, batch, units, false);
        compareBlock(leanGradient, offset, 1, 3, layers + "_b", g, batch, units, false);

        lean.fit(data, identity(batch), 0, batch);
        dl4j.fit(batchSet);
        assertClose("output after one Adam step", matrix(lean.predict(data)), dl4j.output(batchSet.getFeatures(), false));
    }

    /**
     * With dropout the two networks drop the same units: both draw each layer's mask with one
     * {@code DropOutInverted} over an array of that layer's input shape, so from the same state of
     * ND4J's random generator they draw the same masks, and the gradients agree only if the masks
     * sit on the same layers (DL4J: {@code dropOut} on every layer but the first hidden one).
     */
    @ParameterizedTest(name = "{0} dense layer(s) of {1} units, batch of {2}, dropout {3}")
    @Tag("slow")
    @CsvSource(textBlock = """
            1, 16, 20, 0.5
            3, 32, 12, 0.25
            """)
    void denseNetworkWithDropoutDropsWhatDl4jDrops(int layers, int units, int batch, double dropout) {
        FeedForwardParams p = new FeedForwardParams(layers, units, batch, 0.01, 1, dropout);
        DataBlock data = randomBlock(batch, 0, 28, 3, 8);
        DenseNet lean = (DenseNet) Trainer.network((f, c, w) -> new DenseNet(p, f, c, w), 3, data, 4);
        MultiLayerNetwork dl4j = Networks.feedForward(p, 28, 3, Nd4j.create(Trainer.classWeights(data.labels(), 3)).reshape(1, 3), 4);
        for (int l = 0; l < layers; l++) {
            dl4j.setParam(l + "_W", lean.weights(l));
            dl4j.setParam(l + "_b", bufferRow(lean.bias(l), units));
        }
        copyOutputLayer(lean, dl4j, layers);
        DataSet batchSet = dataSet(data, 3);

        assertThat(dl4j.getLayerWiseConfigurations().getConf(0).getLayer().getIDropout()).as("first hidden layer").isNull();
        for (int l = 1; l <= layers; l++) {
            assertThat(dl4j.getLayerWiseConfigurations().getConf(l).getLayer().getIDropout()).as("layer %d", l).isNotNull();
        }
        assertClose("output", matrix(lean.predict(data)), dl4j.output(batchSet.getFeatures(), false));

        Nd4j.getRandom().setSeed(99);
        INDArray leanGradient = lean.gradient(data, true);
        Nd4j.getRandom().setSeed(99);
        Gradient g = dl4jGradient(dl4j, batchSet);
        int offset = 0;
        for (int l = 0; l < layers; l++) {
            offset = compareBlock(leanGradient, offset, l == 0 ? 28 : units, units, l + "_W", g, batch, units, false);
            offset = compareBlock(leanGradient, offset, 1, units, l + "_b", g, batch, units, false);
        }
        offset = compareBlock(leanGradient, offset, units, 3, layers + "_W", g, batch, units, false);
        compareBlock(leanGradient, offset, 1, 3, layers + "_b", g, batch, units, false);
    }

    private static void copyOutputLayer(Net lean, MultiLayerNetwork dl4j, int index) {
        dl4j.setParam(index + "_W", lean.outputWeights());
        dl4j.setParam(index + "_b", bufferRow(lean.outputBias(), 3));
    }

    /** DL4J's gradient of the mean loss; DL4J divides by the minibatch size in its updater, not here. */
    private static Gradient dl4jGradient(MultiLayerNetwork dl4j, DataSet batch) {
        dl4j.setInput(batch.getFeatures());
        dl4j.setLabels(batch.getLabels());
        dl4j.computeGradientAndScore();
        return dl4j.gradient();
    }

    private static int compareBlock(INDArray flat, int offset, long rows, long cols, String key, Gradient g, int batch,
                                    int units, boolean lstmGates) {
        INDArray lean = flat.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(offset, offset + rows * cols)).reshape('c', rows, cols);
        if (lstmGates) {
            lean = LstmNet.toDl4jGateOrder(lean, units, false);
        }
        INDArray dl4j = g.getGradientFor(key).reshape(rows, cols).castTo(DataType.FLOAT).div(batch);
        assertClose("gradient " + key, lean, dl4j);
        return (int) (offset + rows * cols);
    }

    private static void assertClose(String what, INDArray actual, INDArray expected) {
        assertThat(actual.shape()).as(what + " shape").isEqualTo(expected.shape());
        double scale = expected.amaxNumber().doubleValue();
        INDArray a = actual.castTo(DataType.DOUBLE);
        INDArray e = expected.castTo(DataType.DOUBLE);
        for (long i = 0; i < e.length(); i++) {
            double x = a.getDouble(i), y = e.getDouble(i);
            assertThat(Math.abs(x - y))
                    .as("%s[%d]: %s vs DL4J's %s", what, i, x, y)
                    .isLessThanOrEqualTo(TOLERANCE * Math.max(Math.abs(y), 0.1 * scale) + 1e-12);
        }
    }

    private static INDArray matrix(float[][] rows) {
        return Nd4j.create(rows);
    }

    private static INDArray bufferRow(java.nio.FloatBuffer b, int n) {
        float[] v = new float[n];
        b.get(0, v);
        return Nd4j.create(v).reshape(1, n);
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    private static DataBlock randomBlock(int n, int steps, int features, int classes, long seed) {
        Random r = new Random(seed);
        int width = steps == 0 ? features : steps * features;
        float[][] rows = new float[n][width];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
            for (int j = 0; j < width; j++) {
                rows[i][j] = (float) r.nextGaussian();
            }
        }
        return new DataBlock(rows, labels, steps, features);
    }

    /** The block as DL4J takes it: {@code [n, features]} or {@code [n, features, time]} (NCW), one-hot labels. */
    private static DataSet dataSet(DataBlock block, int classes) {
        int n = block.size(), f = block.features(), t = block.timeSteps();
        boolean sequential = t > 0;
        INDArray features = sequential ? Nd4j.create(DataType.FLOAT, n, f, t) : Nd4j.create(DataType.FLOAT, n, f);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < (sequential ? t * f : f); j++) {
                float v = block.rows()[i][j];
                if (sequential) {
                    features.putScalar(new long[] {i, j % f, j / f}, v);
                } else {
                    features.putScalar(new long[] {i, j}, v);
                }
            }
        }
        INDArray labels = Nd4j.create(DataType.FLOAT, n, classes);
        for (int i = 0; i < n; i++) {
            labels.putScalar(i, block.labels()[i], 1f);
        }
        return new DataSet(features, labels);
    }
}
