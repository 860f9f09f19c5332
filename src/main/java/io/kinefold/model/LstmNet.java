package io.kinefold.model;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The sequence network of {@code rep:E}: stacked LSTMs, the last time step, a softmax.
 *
 * <p>Forward, each layer runs a whole batch of sequences in one call of libnd4j's fused
 * {@code lstmBlock} op, which also returns every gate's activations. Backward is
 * backpropagation through time over those activations: the weight gradients of all time steps
 * in two matrix products, the input gradient in one, and per time step one small product for
 * the recurrent gradient plus element-wise work in Java. DL4J's LSTM layer instead makes a
 * native call per gate per time step. libnd4j's own {@code lstmLayer_bp} was tried first: in
 * 1.0.0-M2.1 it leaks about 650 kB of native memory per call and takes four times the forward
 * pass.
 *
 * <p>Each layer's weights are one {@code [inputs + units, 4 × units]} matrix, input rows above
 * recurrent rows, gates in {@code lstmBlock}'s order (input, cell, forget, output); DL4J's LSTM
 * keeps them as (cell, forget, output, input), see {@link #toDl4jGateOrder}.
 */
public final class LstmNet extends Net {
    /** Sequences time-major, {@code [time, batch, features]}: {@code lstmBlock}'s format 0. */
    private static final int TIME_MAJOR = 0;
    private static final int NO_PEEPHOLES = 0;
    private static final int GATE_I = 0;
    private static final int GATE_Z = 1;
    private static final int GATE_F = 2;
    private static final int GATE_O = 3;

    private final int features;
    private final int timeSteps;
    private final int units;
    private final int layers;
    private final int[] inputs;
    private final INDArray[] w;
    private final INDArray[] b;
    private final INDArray[] wGrad;
    private final FloatBuffer[] bGrad;
    private final INDArray noPeepholes;

    public LstmNet(RecurrentParams p, int features, int classes, float[] classWeights) {
        super(bodyParams(p, features), p.lstmUnits(), classes, classWeights, p.learningRate());
        this.features = features;
        this.timeSteps = p.sequenceLength();
        this.units = p.lstmUnits();
        this.layers = p.lstmLayers();
        inputs = new int[layers];
        w = new INDArray[layers];
        b = new INDArray[layers];
        wGrad = new INDArray[layers];
        bGrad = new FloatBuffer[layers];
        for (int l = 0; l < layers; l++) {
            inputs[l] = l == 0 ? features : units;
            w[l] = paramView(inputs[l] + units, 4L * units);
            b[l] = paramVector(4L * units);
            wGrad[l] = gradView(w[l]);
            bGrad[l] = buffer(gradView(b[l]));
            // DL4J's LSTM initialisation: fanIn = units, fanOut = inputs + units, for the input and
            // the recurrent weights alike; biases 0 but the forget gate's, which starts at 1.
            xavier(w[l], units, inputs[l] + units);
            FloatBuffer bias = buffer(b[l]);
            for (int u = GATE_F * units; u < (GATE_F + 1) * units; u++) {
                bias.put(u, 1f);
            }
        }
        noPeepholes = Nd4j.create(DataType.FLOAT, units);
        initOutput();
    }

    private static long bodyParams(RecurrentParams p, int features) {
        long u = p.lstmUnits();
        long total = 0;
        for (int l = 0; l < p.lstmLayers(); l++) {
            long in = l == 0 ? features : u;
            total += (in + u) * 4 * u + 4 * u;
        }
        return total;
    }

    /** Input weights {@code [inputs, 4 × units]} of layer {@code l}, a view. */
    INDArray inputWeights(int l) {
        return paramRows(w[l], 0, inputs[l]);
    }

    /** Recurrent weights {@code [units, 4 × units]} of layer {@code l}, a view. */
    INDArray recurrentWeights(int l) {
        return paramRows(w[l], inputs[l], units);
    }

    INDArray bias(int l) {
        return b[l];
    }

    /**
     * Reorders the {@code 4 × units} gate columns of a weight matrix or bias from this network's
     * (input, cell, forget, output) to DL4J's (cell, forget, output, input), or back with
     * {@code inverse}.
     */
    static INDArray toDl4jGateOrder(INDArray m, int units, boolean inverse) {
        INDArray two = m.rank() == 1 ? m.reshape(1, m.length()) : m;
        INDArray out = Nd4j.create(DataType.FLOAT, two.shape(), 'c');
        int[] ours = {GATE_Z, GATE_F, GATE_O, GATE_I}; // DL4J's block k is our block ours[k]
        for (int k = 0; k < 4; k++) {
            int src = inverse ? k : ours[k];
            int dst = inverse ? ours[k] : k;
            out.get(NDArrayIndex.all(), columns(dst, units)).assign(two.get(NDArrayIndex.all(), columns(src, units)));
        }
        return m.rank() == 1 ? out.reshape(m.length()) : out;
    }

    private static org.nd4j.linalg.indexing.INDArrayIndex columns(int block, int units) {
        return NDArrayIndex.interval((long) block * units, (long) (block + 1) * units);
    }

    @Override
    protected Batch newBatch(int size) {
        return new LstmBatch(size);
    }

    @Override
    protected void load(Batch batch, DataBlock block, int[] order, int from, int to) {
        FloatBuffer x = ((LstmBatch) batch).xBuffer;
        float[][] rows = block.rows();
        int n = to - from;
        for (int i = 0; i < n; i++) {
            float[] row = rows[order[from + i]];
            for (int t = 0; t < timeSteps; t++) {
                x.put((t * n + i) * features, row, t * features, features);
            }
        }
    }

    @Override
    protected void forward(Batch batch, boolean training) {
        LstmBatch s = (LstmBatch) batch;
        for (int l = 0; l < layers; l++) {
            s.layer[l].forward.run();
        }
    }

    @Override
    protected void backward(Batch batch) {
        LstmBatch s = (LstmBatch) batch;
        for (int l = layers - 1; l >= 0; l--) {
            backward(s, l);
        }
    }

    /**
     * Backpropagation through time for one layer: from the gradient at its outputs (the last
     * step's for the top layer, every step's for a lower one) to its weight gradients and, for a
     * layer above the first, the gradient at its inputs.
     */
    private void backward(LstmBatch s, int l) {
        Layer a = s.layer[l];
        int n = s.size;
        int h = units;
        int step = n * h;
        int all = timeSteps * step;
        int stride = 4 * h;
        // Every gate's activations, copied out once: Java reads arrays faster than native memory.
        float[] gi = s.get(a.iBuffer, 0, all);
        float[] gz = s.get(a.zBuffer, 1, all);
        float[] gf = s.get(a.fBuffer, 2, all);
        float[] go = s.get(a.oBuffer, 3, all);
        float[] tanhC = s.get(a.tanhCBuffer, 4, all);
        float[] c = s.get(a.cBuffer, 5, all);
        float[] dY = l == layers - 1 ? null : s.get(s.layer[l + 1].dInputBuffer, 6, all);
        float[] dz = s.dGates;
        float[] dh = s.dh;
        float[] dcNext = s.dcNext;
        java.util.Arrays.fill(dcNext, 0f);
        if (dY == null) {
            s.dTopBuffer.get(0, dh, 0, step);
        } else {
            System.arraycopy(dY, (timeSteps - 1) * step, dh, 0, step);
        }
        for (int t = timeSteps - 1; t >= 0; t--) {
            int base = t * step;
            if (t < timeSteps - 1) {
                s.recurrentBuffer.get(0, dh, 0, step);
                if (dY != null) {
                    for (int k = 0; k < step; k++) {
                        dh[k] += dY[base + k];
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                int row = (t * n + i) * stride;
                for (int u = 0; u < h; u++) {
                    int k = i * h + u;
                    int at = base + k;
                    float ii = gi[at];
                    float z = gz[at];
                    float f = gf[at];
                    float o = go[at];
                    float th = tanhC[at];
                    float cPrev = t == 0 ? 0f : c[at - step];
                    float dc = dh[k] * o * (1f - th * th) + dcNext[k];
                    dz[row + GATE_I * h + u] = dc * z * ii * (1f - ii);
                    dz[row + GATE_Z * h + u] = dc * ii * (1f - z * z);
                    dz[row + GATE_F * h + u] = dc * cPrev * f * (1f - f);
                    dz[row + GATE_O * h + u] = dh[k] * th * o * (1f - o);
                    dcNext[k] = dc * f;
                }
            }
            if (t > 0) {
                // The gradient at the previous step's output, through the recurrent weights.
                a.dGatesBuffer.put(t * n * stride, dz, t * n * stride, n * stride);
                a.recurrentGradientAt[t].run();
            }
        }
        a.dGatesBuffer.put(0, dz, 0, n * stride);
        // Weight gradients of every step at once: inputs against the gates' gradients, and each
        // step's previous output (none before the first) against the next step's.
        a.inputWeightGradient.run();
        if (timeSteps > 1) {
            a.recurrentWeightGradient.run();
        } else {
            a.recurrentGrad.assign(0);
        }
        float[] sums = s.biasSums;
        java.util.Arrays.fill(sums, 0f);
        int rows = timeSteps * n;
        for (int r = 0; r < rows; r++) {
            int row = r * stride;
            for (int g = 0; g < stride; g++) {
                sums[g] += dz[row + g];
            }
        }
        bGrad[l].put(0, sums, 0, stride);
        if (l > 0) {
            a.inputGradient.run();
        }
    }

    /** One layer's buffers and kernels for one batch size. */
    private final class Layer {
        final FloatBuffer iBuffer;
        final FloatBuffer cBuffer;
        final FloatBuffer fBuffer;
        final FloatBuffer oBuffer;
        final FloatBuffer zBuffer;
        final FloatBuffer tanhCBuffer;
        final INDArray y;
        final FloatBuffer dGatesBuffer;
        final FloatBuffer dInputBuffer;
        final INDArray recurrentGrad;
        final Kernel forward;
        final Kernel[] recurrentGradientAt;
        final Kernel inputWeightGradient;
        final Kernel recurrentWeightGradient;
        final Kernel inputGradient;

        Layer(LstmBatch batch, int l, int n, INDArray x, INDArray zeroState, INDArray recurrent) {
            int in = inputs[l];
            long[] seq = {timeSteps, n, units};
            INDArray iAct = Nd4j.create(DataType.FLOAT, seq, 'c');
            INDArray c = Nd4j.create(DataType.FLOAT, seq, 'c');
            INDArray f = Nd4j.create(DataType.FLOAT, seq, 'c');
            INDArray o = Nd4j.create(DataType.FLOAT, seq, 'c');
            INDArray z = Nd4j.create(DataType.FLOAT, seq, 'c');
            INDArray tanhC = Nd4j.create(DataType.FLOAT, seq, 'c');
            y = Nd4j.create(DataType.FLOAT, seq, 'c');
            iBuffer = buffer(iAct);
            cBuffer = buffer(c);
            fBuffer = buffer(f);
            oBuffer = buffer(o);
            zBuffer = buffer(z);
            tanhCBuffer = buffer(tanhC);
            forward = batch.kernel(new Kernel(DynamicCustomOp.builder("lstmBlock")
                    .addInputs(Nd4j.scalar(DataType.LONG, timeSteps), x, zeroState, zeroState, w[l],
                            noPeepholes, noPeepholes, noPeepholes, b[l])
                    .addOutputs(iAct, c, f, o, z, tanhC, y)
                    .addIntegerArguments(NO_PEEPHOLES, TIME_MAJOR)
                    .addFloatingPointArguments(0.0, 0.0) // forget bias (ours is in b), no cell clipping
                    .build()));
            INDArray input2d = x.reshape('c', (long) timeSteps * n, in);
            INDArray y2d = y.reshape('c', (long) timeSteps * n, units);
            INDArray outputsButLast = y2d.get(NDArrayIndex.interval(0, (long) (timeSteps - 1) * n), NDArrayIndex.all());
            INDArray dGates = matrix((long) timeSteps * n, 4L * units);
            dGatesBuffer = buffer(dGates);
            INDArray inputWeights = inputWeights(l);
            INDArray recurrentWeights = recurrentWeights(l);
            recurrentGradientAt = new Kernel[timeSteps];
            for (int t = 1; t < timeSteps; t++) {
                INDArray at = dGates.get(NDArrayIndex.interval((long) t * n, (long) (t + 1) * n), NDArrayIndex.all());
                recurrentGradientAt[t] = batch.kernel(Kernel.matmul(at, recurrentWeights, recurrent, false, true));
            }
            INDArray dGatesButFirst = dGates.get(NDArrayIndex.interval(n, (long) timeSteps * n), NDArrayIndex.all());
            INDArray inputGrad = gradView(inputWeights);
            recurrentGrad = gradView(recurrentWeights);
            inputWeightGradient = batch.kernel(Kernel.matmul(input2d, dGates, inputGrad, true, false));
            recurrentWeightGradient = timeSteps > 1
                    ? batch.kernel(Kernel.matmul(outputsButLast, dGatesButFirst, recurrentGrad, true, false)) : null;
            INDArray dInput = l == 0 ? null : matrix((long) timeSteps * n, in);
            dInputBuffer = dInput == null ? null : buffer(dInput);
            inputGradient = dInput == null ? null : batch.kernel(Kernel.matmul(dGates, inputWeights, dInput, false, true));
        }
    }

    private final class LstmBatch extends Batch {
        final INDArray x;
        final FloatBuffer xBuffer;
        final Layer[] layer;
        final FloatBuffer dTopBuffer;
        final FloatBuffer recurrentBuffer;
        final float[][] copies = new float[7][];
        final float[] dGates;
        final float[] dh;
        final float[] dcNext;
        final float[] biasSums;

        LstmBatch(int size) {
            super(size, units, classes);
            x = Nd4j.create(DataType.FLOAT, new long[] {timeSteps, size, features}, 'c');
            xBuffer = buffer(x);
            INDArray zeroState = matrix(size, units);
            INDArray recurrent = matrix(size, units);
            recurrentBuffer = buffer(recurrent);
            layer = new Layer[layers];
            for (int l = 0; l < layers; l++) {
                layer[l] = new Layer(this, l, size, l == 0 ? x : layer[l - 1].y, zeroState, recurrent);
            }
            top = layer[layers - 1].y.get(NDArrayIndex.point(timeSteps - 1), NDArrayIndex.all(), NDArrayIndex.all());
            dTopBuffer = buffer(dTop);
            dGates = new float[timeSteps * size * 4 * units];
            dh = new float[size * units];
            dcNext = new float[size * units];
            biasSums = new float[4 * units];
        }

        /** A copy of a buffer's first {@code length} values into reusable array {@code slot}. */
        float[] get(FloatBuffer from, int slot, int length) {
            if (copies[slot] == null || copies[slot].length < length) {
                copies[slot] = new float[length];
            }
            from.get(0, copies[slot], 0, length);
            return copies[slot];
        }
    }
}
