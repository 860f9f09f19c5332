package io.kinefold.model;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The sequence network of {@code rep:E}: stacked LSTMs, the last time step, a softmax. Each LSTM
 * layer runs a whole batch of sequences in one call of libnd4j's fused {@code lstmLayer} op, and
 * its gradient in one call of {@code lstmLayer_bp}, instead of DL4J's LSTM layer, which makes a
 * native call per gate per time step.
 *
 * <p>Gates are in libnd4j's order (input, forget, cell, output); DL4J's LSTM keeps them as (cell,
 * forget, output, input). {@link #toDl4jGateOrder} maps one to the other.
 */
public final class LstmNet extends Net {
    /** Sequences as {@code [batch, time, features]}, the samples' own layout (libnd4j's format 1). */
    private static final int FORMAT_BATCH_TIME_FEATURES = 1;
    private static final int FORWARD = 0;
    private static final int TANH = 0;
    private static final int SIGMOID = 2;

    private final int features;
    private final int timeSteps;
    private final int units;
    private final int layers;
    private final INDArray[] wx;
    private final INDArray[] wr;
    private final INDArray[] b;
    private final INDArray[] wxGrad;
    private final INDArray[] wrGrad;
    private final INDArray[] bGrad;

    public LstmNet(RecurrentParams p, int features, int classes, float[] classWeights) {
        super(bodyParams(p, features), p.lstmUnits(), classes, classWeights, p.learningRate());
        this.features = features;
        this.timeSteps = p.sequenceLength();
        this.units = p.lstmUnits();
        this.layers = p.lstmLayers();
        wx = new INDArray[layers];
        wr = new INDArray[layers];
        b = new INDArray[layers];
        wxGrad = new INDArray[layers];
        wrGrad = new INDArray[layers];
        bGrad = new INDArray[layers];
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? features : units;
            wx[l] = paramView(in, 4L * units);
            wr[l] = paramView(units, 4L * units);
            b[l] = paramVector(4L * units);
            wxGrad[l] = gradView(wx[l]);
            wrGrad[l] = gradView(wr[l]);
            bGrad[l] = gradView(b[l]);
            // DL4J's LSTM initialisation: fanIn = units, fanOut = inputs + units, for both the
            // input and the recurrent weights; biases 0 but the forget gate's, which starts at 1.
            xavier(wx[l], units, in + units);
            xavier(wr[l], units, in + units);
            b[l].get(org.nd4j.linalg.indexing.NDArrayIndex.interval(units, 2L * units)).assign(1.0);
        }
        initOutput();
    }

    private static long bodyParams(RecurrentParams p, int features) {
        long u = p.lstmUnits();
        long first = features * 4 * u + u * 4 * u + 4 * u;
        long other = u * 4 * u + u * 4 * u + 4 * u;
        return first + (p.lstmLayers() - 1) * other;
    }

    int layers() {
        return layers;
    }

    INDArray inputWeights(int l) {
        return wx[l];
    }

    INDArray recurrentWeights(int l) {
        return wr[l];
    }

    INDArray bias(int l) {
        return b[l];
    }

    /**
     * Reorders the {@code 4 × units} gate columns of a weight matrix or bias from libnd4j's
     * (i, f, c, o) to DL4J's (c, f, o, i), or back with {@code inverse}.
     */
    static INDArray toDl4jGateOrder(INDArray m, int units, boolean inverse) {
        INDArray two = m.rank() == 1 ? m.reshape(1, m.length()) : m;
        INDArray out = Nd4j.create(DataType.FLOAT, two.shape(), 'c');
        int[] fromNd4j = {2, 1, 3, 0}; // DL4J block k holds libnd4j block fromNd4j[k]
        for (int k = 0; k < 4; k++) {
            int src = inverse ? k : fromNd4j[k];
            int dst = inverse ? fromNd4j[k] : k;
            out.get(all(), interval(dst, units)).assign(two.get(all(), interval(src, units)));
        }
        return m.rank() == 1 ? out.reshape(m.length()) : out;
    }

    private static org.nd4j.linalg.indexing.INDArrayIndex all() {
        return org.nd4j.linalg.indexing.NDArrayIndex.all();
    }

    private static org.nd4j.linalg.indexing.INDArrayIndex interval(int block, int units) {
        return org.nd4j.linalg.indexing.NDArrayIndex.interval((long) block * units, (long) (block + 1) * units);
    }

    @Override
    protected Batch newBatch(int size) {
        return new LstmBatch(size);
    }

    @Override
    protected void load(Batch batch, DataBlock block, int[] order, int from, int to) {
        FloatBuffer x = ((LstmBatch) batch).xBuffer;
        float[][] rows = block.rows();
        int n = timeSteps * features;
        for (int i = from; i < to; i++) {
            x.put((i - from) * n, rows[order[i]], 0, n);
        }
    }

    @Override
    protected void forward(Batch batch, boolean training) {
        LstmBatch s = (LstmBatch) batch;
        for (DynamicCustomOp op : s.forward) {
            Nd4j.exec(op);
        }
        s.top = s.last;
    }

    @Override
    protected void backward(Batch batch) {
        LstmBatch s = (LstmBatch) batch;
        for (int l = layers - 1; l >= 0; l--) {
            Nd4j.exec(s.backward[l]);
        }
    }

    private final class LstmBatch extends Batch {
        final INDArray x;
        final FloatBuffer xBuffer;
        final INDArray last;
        final DynamicCustomOp[] forward;
        final DynamicCustomOp[] backward;

        LstmBatch(int size) {
            super(size, units, classes);
            x = Nd4j.create(DataType.FLOAT, new long[] {size, timeSteps, features}, 'c');
            xBuffer = buffer(x);
            last = matrix(size, units);
            INDArray[] in = new INDArray[layers];
            INDArray[] seq = new INDArray[layers];
            INDArray[] dIn = new INDArray[layers];
            forward = new DynamicCustomOp[layers];
            backward = new DynamicCustomOp[layers];
            for (int l = 0; l < layers; l++) {
                in[l] = l == 0 ? x : seq[l - 1];
                boolean top = l == layers - 1;
                seq[l] = top ? null : Nd4j.create(DataType.FLOAT, new long[] {size, timeSteps, units}, 'c');
                dIn[l] = Nd4j.create(DataType.FLOAT, in[l].shape(), 'c');
                forward[l] = lstm("lstmLayer", top)
                        .addInputs(in[l], wx[l], wr[l], b[l])
                        .addOutputs(top ? last : seq[l])
                        .build();
            }
            for (int l = 0; l < layers; l++) {
                boolean top = l == layers - 1;
                INDArray dOut = top ? dTop : dIn[l + 1];
                backward[l] = lstm("lstmLayer_bp", top)
                        .addInputs(in[l], wx[l], wr[l], b[l], dOut)
                        .addOutputs(dIn[l], wxGrad[l], wrGrad[l], bGrad[l])
                        .build();
            }
        }

        /** One LSTM layer, forward: the whole sequence for a lower layer, the last step for the top one. */
        private DynamicCustomOp.DynamicCustomOpsBuilder lstm(String name, boolean top) {
            return DynamicCustomOp.builder(name)
                    .addIntegerArguments(FORMAT_BATCH_TIME_FEATURES, FORWARD, SIGMOID, TANH, TANH)
                    // biases, sequence lengths, initial h, initial c, peepholes, full sequence, last h, last c
                    .addBooleanArguments(true, false, false, false, false, !top, top, false)
                    .addFloatingPointArguments(0.0); // no cell clipping
        }
    }
}
