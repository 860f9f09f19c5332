package io.kinefold.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A small network trained with few native calls per batch: all parameters, their gradients and
 * Adam's state live in three flat arrays (one updater call per step), every buffer a batch needs is
 * allocated once per batch size and reused, and the cheap element-wise work (bias, ReLU, softmax,
 * loss gradient) runs in Java over the arrays' own memory. Only the arithmetic goes native:
 * matrix products, libnd4j's fused {@code lstmLayer} ops, dropout masks and the Adam step.
 *
 * <p>Why not DL4J's {@code MultiLayerNetwork}: for networks this small its per-operation overhead
 * (workspaces, listeners, score bookkeeping, a native call per gate per time step in its LSTM) is
 * most of a trial. The networks computed are DL4J's own (same layers, initialisation, weighted
 * loss, minibatch-mean gradient and Adam); {@link Networks} builds the DL4J network that
 * {@code NetEquivalenceTest} checks this one against, weight for weight.
 */
public abstract class Net implements AutoCloseable {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;

    protected final int classes;
    protected final int topUnits;
    private final float[] classWeights;
    private final double learningRate;
    private final INDArray params;
    private final INDArray gradient;
    private final INDArray adamM;
    private final INDArray adamV;
    private final INDArray outW;
    private final INDArray outWGrad;
    private final FloatBuffer outB;
    private final FloatBuffer outBGrad;
    private final Map<Integer, Batch> batches = new HashMap<>();
    private final Kernel adam;
    private int iteration;
    private int next;

    /**
     * @param bodyParams parameters of the layers below the softmax layer
     * @param topUnits width of the last layer below the softmax layer
     */
    protected Net(long bodyParams, int topUnits, int classes, float[] classWeights, double learningRate) {
        this.classes = classes;
        this.topUnits = topUnits;
        this.classWeights = classWeights.clone();
        this.learningRate = learningRate;
        long total = bodyParams + (long) topUnits * classes + classes;
        params = Nd4j.create(DataType.FLOAT, total);
        gradient = Nd4j.create(DataType.FLOAT, total);
        adamM = Nd4j.create(DataType.FLOAT, total);
        adamV = Nd4j.create(DataType.FLOAT, total);
        next = (int) bodyParams;
        outW = paramView(topUnits, classes);
        outWGrad = gradView(outW);
        INDArray b = paramView(1, classes);
        outB = buffer(b);
        outBGrad = buffer(gradView(b));
        next = 0;
        adam = new Kernel(new AdamUpdater(gradient, adamV, adamM, learningRate, BETA1, BETA2, EPSILON, 0));
    }

    /** The next {@code rows × cols} block of the parameters, row-major; layers take theirs in order. */
    protected final INDArray paramView(long rows, long cols) {
        INDArray view = params.get(NDArrayIndex.interval(next, next + rows * cols)).reshape('c', rows, cols);
        next += (int) (rows * cols);
        return view;
    }

    /** The next {@code length} parameters as a vector. */
    protected final INDArray paramVector(long length) {
        INDArray view = params.get(NDArrayIndex.interval(next, next + length));
        next += (int) length;
        return view;
    }

    /**
     * Rows {@code [from, from + rows)} of a row-major parameter block, as a view of the flat
     * parameters. (ND4J's {@code get} on a view that is itself offset into the flat array came
     * back with the wrong shape for some sizes.)
     */
    protected final INDArray paramRows(INDArray block, long from, long rows) {
        long cols = block.size(1);
        long offset = block.offset() - params.offset() + from * cols;
        return params.get(NDArrayIndex.interval(offset, offset + rows * cols)).reshape('c', rows, cols);
    }

    /** The gradient block that belongs to a parameter block. */
    protected final INDArray gradView(INDArray paramView) {
        long offset = paramView.offset() - params.offset();
        return gradient.get(NDArrayIndex.interval(offset, offset + paramView.length())).reshape('c', paramView.shape());
    }

    /** Xavier-normal weights, DL4J's {@code WeightInit.XAVIER}: N(0, 2 / (fanIn + fanOut)). */
    protected static void xavier(INDArray weights, double fanIn, double fanOut) {
        weights.assign(Nd4j.randn(DataType.FLOAT, weights.shape()).muli(Math.sqrt(2.0 / (fanIn + fanOut))));
    }

    /** Initialises the softmax layer; subclasses call it after their own layers. */
    protected final void initOutput() {
        xavier(outW, topUnits, classes);
    }

    /**
     * One training step on the samples {@code order[from..to)} of a block.
     *
     * @return the batch's mean class-weighted cross-entropy before the step, with dropout, as
     *     {@link #loss} measures it: a by-product of the loss gradient, no extra native work
     */
    public final double fit(DataBlock block, int[] order, int from, int to) {
        Batch b = batch(to - from);
        load(b, block, order, from, to);
        forward(b, true);
        logits(b);
        double loss = lossGradient(b, block.labels(), order, from);
        backpropagate(b);
        adam.run(iteration++);
        params.subi(gradient);
        return loss;
    }

    /** From the loss gradient at the logits: the softmax layer's gradients, then the layers below. */
    private void backpropagate(Batch b) {
        // dW = topᵀ·dz, db = Σ dz, dTop = dz·Wᵀ
        b.outputGradient.run();
        FloatBuffer dz = b.dLogitsBuffer;
        for (int c = 0; c < classes; c++) {
            float sum = 0;
            for (int i = 0; i < b.size; i++) {
                sum += dz.get(i * classes + c);
            }
            outBGrad.put(c, sum);
        }
        b.topGradient.run();
        backward(b);
    }

    /** The mean class-weighted cross-entropy over a block, as DL4J's {@code score(data, false)}. */
    public final double loss(DataBlock block) {
        Batch b = evaluate(block);
        double sum = 0;
        for (int i = 0; i < b.size; i++) {
            int label = block.labels()[i];
            float p = Math.max(b.logitsBuffer.get(i * classes + label), 1e-10f);
            sum -= classWeights[label] * Math.log(p);
        }
        return sum / b.size;
    }

    /** Class probabilities, one row per sample of a block. */
    public final float[][] predict(DataBlock block) {
        Batch b = evaluate(block);
        float[][] out = new float[b.size][classes];
        for (int i = 0; i < b.size; i++) {
            b.logitsBuffer.get(i * classes, out[i]);
        }
        return out;
    }

    /** The gradient of {@link #loss} over a block without dropout and without a step: for tests. */
    INDArray gradient(DataBlock block) {
        return gradient(block, false);
    }

    /**
     * The gradient over a block without a step, in training mode (with dropout, masks drawn from
     * ND4J's random generator as {@link #fit} draws them) or not: for tests.
     */
    INDArray gradient(DataBlock block, boolean training) {
        Batch b = forwardOnly(block, training);
        lossGradient(b, block.labels(), identity(block.size()), 0);
        backpropagate(b);
        return gradient.dup();
    }

    /** All parameters, flat, in layer order. */
    public final INDArray params() {
        return params;
    }

    public final void setParams(INDArray values) {
        params.assign(values);
    }

    /** How many parameters the network has: the length of {@link #params()}. */
    public final long paramCount() {
        return params.length();
    }

    /**
     * Writes every parameter, in {@link #params()}' order, as IEEE 754 single-precision floats,
     * little-endian, 4 bytes each and nothing else: a model file's format, readable without ND4J
     * (ND4J's own binary format changes with its versions).
     */
    public final void writeParams(OutputStream out) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(paramCount() * Float.BYTES)).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(params.toFloatVector());
        out.write(bytes.array());
    }

    /**
     * Reads what {@link #writeParams} wrote into this network's parameters.
     *
     * @throws IOException when the stream holds more or fewer than {@link #paramCount()} floats
     */
    public final void readParams(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        long expected = paramCount() * Float.BYTES;
        if (bytes.length != expected) {
            throw new IOException("the network has " + paramCount() + " parameters (" + expected + " bytes); the file holds "
                    + bytes.length + " bytes" + (bytes.length % Float.BYTES == 0 ? " (" + bytes.length / Float.BYTES + " parameters)" : ""));
        }
        float[] values = new float[(int) paramCount()];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        params.assign(Nd4j.createFromArray(values));
    }

    /** The softmax layer's weights {@code [topUnits, classes]} and bias {@code [classes]}. */
    final INDArray outputWeights() {
        return outW;
    }

    final FloatBuffer outputBias() {
        return outB;
    }

    /** The whole block in one batch, forward without dropout, to the class probabilities. */
    private Batch evaluate(DataBlock block) {
        return forwardOnly(block, false);
    }

    /** The whole block in one batch, forward (with dropout when training) to the class probabilities. */
    final Batch forwardOnly(DataBlock block, boolean training) {
        int[] order = identity(block.size());
        Batch b = batch(order.length);
        load(b, block, order, 0, order.length);
        forward(b, training);
        logits(b);
        return b;
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    private void logits(Batch b) {
        b.logitsKernel.run();
        FloatBuffer z = b.logitsBuffer;
        for (int i = 0; i < b.size; i++) {
            int row = i * classes;
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                float v = z.get(row + c) + outB.get(c);
                z.put(row + c, v);
                max = Math.max(max, v);
            }
            float sum = 0;
            for (int c = 0; c < classes; c++) {
                float e = (float) Math.exp(z.get(row + c) - max);
                z.put(row + c, e);
                sum += e;
            }
            for (int c = 0; c < classes; c++) {
                z.put(row + c, z.get(row + c) / sum);
            }
        }
    }

    /**
     * The gradient of the minibatch-mean weighted cross-entropy at the logits (DL4J's
     * {@code LossMCXENT} with weights and a softmax): {@code (p · w_y − onehot(y) · w_y) / n}.
     *
     * @return that loss itself, {@code Σ −w_y · log p_y / n}, clipped as {@link #loss} clips it
     */
    private double lossGradient(Batch b, int[] labels, int[] order, int from) {
        FloatBuffer p = b.logitsBuffer;
        FloatBuffer dz = b.dLogitsBuffer;
        float scale = 1f / b.size;
        double loss = 0;
        for (int i = 0; i < b.size; i++) {
            int label = labels[order[from + i]];
            float w = classWeights[label] * scale;
            int row = i * classes;
            for (int c = 0; c < classes; c++) {
                dz.put(row + c, p.get(row + c) * w - (c == label ? w : 0f));
            }
            loss -= classWeights[label] * Math.log(Math.max(p.get(row + label), 1e-10f));
        }
        return loss / b.size;
    }

    private Batch batch(int size) {
        return batches.computeIfAbsent(size, n -> newBatch(n).bind(outW, outWGrad));
    }

    /** Releases the native op contexts; the arrays go with the garbage. */
    @Override
    public void close() {
        batches.values().forEach(Batch::close);
        batches.clear();
        adam.close();
    }

    /** Buffers for a batch of {@code size} samples; subclasses add their layers' own. */
    protected Batch newBatch(int size) {
        return new Batch(size, topUnits, classes);
    }

    /** Copies the samples {@code order[from..to)} into the batch's input. */
    protected abstract void load(Batch b, DataBlock block, int[] order, int from, int to);

    /** Computes {@code b.top}, the input of the softmax layer. */
    protected abstract void forward(Batch b, boolean training);

    /** From {@code b.dTop}, writes the gradients of the layers below the softmax layer. */
    protected abstract void backward(Batch b);

    /** A float view of an array's own memory, for element-wise work in Java. */
    protected static FloatBuffer buffer(INDArray array) {
        FloatBuffer all = array.data().asNioFloat();
        int offset = (int) array.offset();
        return all.position(offset).limit(offset + (int) array.length()).slice();
    }

    protected static INDArray matrix(long rows, long cols) {
        return Nd4j.create(DataType.FLOAT, new long[] {rows, cols}, 'c');
    }

    /** The buffers and kernels of one batch size, made once. */
    protected static class Batch implements AutoCloseable {
        final int size;
        /** Input of the softmax layer, {@code [size, topUnits]}; subclasses point it at their last layer. */
        protected INDArray top;
        private final java.util.List<Kernel> kernels = new java.util.ArrayList<>();
        Kernel logitsKernel;
        Kernel outputGradient;
        Kernel topGradient;
        final INDArray dTop;
        final INDArray logits;
        final FloatBuffer logitsBuffer;
        final INDArray dLogits;
        final FloatBuffer dLogitsBuffer;

        protected Batch(int size, int topUnits, int classes) {
            this.size = size;
            dTop = matrix(size, topUnits);
            logits = matrix(size, classes);
            logitsBuffer = buffer(logits);
            dLogits = matrix(size, classes);
            dLogitsBuffer = buffer(dLogits);
        }

        /** A kernel that lives as long as this batch. */
        protected final Kernel kernel(Kernel k) {
            kernels.add(k);
            return k;
        }

        private Batch bind(INDArray outW, INDArray outWGrad) {
            logitsKernel = kernel(Kernel.matmul(top, outW, logits, false, false));
            outputGradient = kernel(Kernel.matmul(top, dLogits, outWGrad, true, false));
            topGradient = kernel(Kernel.matmul(dLogits, outW, dTop, false, true));
            return this;
        }

        @Override
        public void close() {
            kernels.forEach(Kernel::close);
        }
    }
}
