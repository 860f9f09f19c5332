package io.kinefold.model;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.DropOutInverted;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The feed-forward network of {@code pose} and {@code start:E}: dense ReLU layers and a softmax,
 * with inverted dropout on the input of every dense hidden layer (where DL4J applies a layer's
 * {@code dropOut}).
 */
public final class DenseNet extends Net {
    private final int inputs;
    private final int layers;
    private final double keep;
    private final INDArray[] w;
    private final INDArray[] wGrad;
    private final FloatBuffer[] b;
    private final FloatBuffer[] bGrad;

    public DenseNet(FeedForwardParams p, int inputs, int classes, float[] classWeights) {
        super(bodyParams(p, inputs), p.units(), classes, classWeights, p.learningRate());
        this.inputs = inputs;
        this.layers = p.hiddenLayers();
        this.keep = 1.0 - p.dropout();
        w = new INDArray[layers];
        wGrad = new INDArray[layers];
        b = new FloatBuffer[layers];
        bGrad = new FloatBuffer[layers];
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? inputs : p.units();
            w[l] = paramView(in, p.units());
            wGrad[l] = gradView(w[l]);
            INDArray bias = paramView(1, p.units());
            b[l] = buffer(bias);
            bGrad[l] = buffer(gradView(bias));
            xavier(w[l], in, p.units());
        }
        initOutput();
    }

    private static long bodyParams(FeedForwardParams p, int inputs) {
        long units = p.units();
        return (inputs + 1) * units + (p.hiddenLayers() - 1) * (units + 1) * units;
    }

    /** Weights {@code [in, units]} of hidden layer {@code l}. */
    INDArray weights(int l) {
        return w[l];
    }

    FloatBuffer bias(int l) {
        return b[l];
    }

    @Override
    protected Batch newBatch(int size) {
        return new DenseBatch(size);
    }

    @Override
    protected void load(Batch batch, DataBlock block, int[] order, int from, int to) {
        FloatBuffer x = ((DenseBatch) batch).xBuffer;
        float[][] rows = block.rows();
        for (int i = from; i < to; i++) {
            x.put((i - from) * inputs, rows[order[i]], 0, inputs);
        }
    }

    @Override
    protected void forward(Batch batch, boolean training) {
        DenseBatch d = (DenseBatch) batch;
        d.dropping = training && keep < 1.0;
        int n = d.size * topUnits;
        float[] a = d.scratch;
        for (int l = 0; l < layers; l++) {
            if (d.dropping) {
                Nd4j.getExecutioner().exec(d.dropout[l]);
                d.droppedForward[l].run();
            } else {
                d.plainForward[l].run();
            }
            // Bias and ReLU in Java, over a copy: one bulk copy each way beats a native call each.
            d.actBuffer[l].get(0, a, 0, n);
            float[] bias = d.biasValues(l);
            for (int row = 0; row < n; row += topUnits) {
                for (int u = 0; u < topUnits; u++) {
                    float v = a[row + u] + bias[u];
                    a[row + u] = v > 0f ? v : 0f;
                }
            }
            d.actBuffer[l].put(0, a, 0, n);
        }
    }

    @Override
    protected void backward(Batch batch) {
        DenseBatch d = (DenseBatch) batch;
        int n = d.size * topUnits;
        float[] a = d.scratch;
        float[] g = d.scratch2;
        for (int l = layers - 1; l >= 0; l--) {
            // dZ = dA where the unit was active: ReLU output is 0 exactly where it was inactive.
            FloatBuffer gradient = d.gradBuffer[l];
            d.actBuffer[l].get(0, a, 0, n);
            gradient.get(0, g, 0, n);
            float[] sums = d.biasSums;
            java.util.Arrays.fill(sums, 0f);
            for (int row = 0; row < n; row += topUnits) {
                for (int u = 0; u < topUnits; u++) {
                    float v = a[row + u] > 0f ? g[row + u] : 0f;
                    g[row + u] = v;
                    sums[u] += v;
                }
            }
            gradient.put(0, g, 0, n);
            bGrad[l].put(0, sums, 0, topUnits);
            (d.dropping ? d.droppedWeightGradient[l] : d.plainWeightGradient[l]).run();
            if (l == 0) {
                break; // nothing below the first layer needs a gradient
            }
            d.inputGradient[l].run();
            if (d.dropping) {
                // Through inverted dropout: a kept unit passes the gradient scaled by 1/keep, a
                // dropped one (it reads 0 after dropout) passes nothing.
                float scale = (float) (1.0 / keep);
                FloatBuffer below = d.gradBuffer[l - 1];
                float[] kept = a;
                d.droppedBuffer[l].get(0, kept, 0, n);
                below.get(0, g, 0, n);
                for (int k = 0; k < n; k++) {
                    g[k] = kept[k] == 0f ? 0f : g[k] * scale;
                }
                below.put(0, g, 0, n);
            }
        }
    }

    private final class DenseBatch extends Batch {
        final INDArray x;
        final FloatBuffer xBuffer;
        final FloatBuffer[] actBuffer;
        final FloatBuffer[] gradBuffer;
        final FloatBuffer[] droppedBuffer;
        final DropOutInverted[] dropout;
        final Kernel[] plainForward;
        final Kernel[] droppedForward;
        final Kernel[] plainWeightGradient;
        final Kernel[] droppedWeightGradient;
        final Kernel[] inputGradient;
        final float[] scratch;
        final float[] scratch2;
        final float[] biasSums;
        final float[][] bias;
        boolean dropping;

        DenseBatch(int size) {
            super(size, topUnits, classes);
            x = matrix(size, inputs);
            xBuffer = buffer(x);
            INDArray[] act = new INDArray[layers];
            INDArray[] grad = new INDArray[layers];
            INDArray[] dropped = new INDArray[layers];
            actBuffer = new FloatBuffer[layers];
            gradBuffer = new FloatBuffer[layers];
            droppedBuffer = new FloatBuffer[layers];
            dropout = new DropOutInverted[layers];
            plainForward = new Kernel[layers];
            droppedForward = new Kernel[layers];
            plainWeightGradient = new Kernel[layers];
            droppedWeightGradient = new Kernel[layers];
            inputGradient = new Kernel[layers];
            for (int l = 0; l < layers; l++) {
                act[l] = matrix(size, topUnits);
                actBuffer[l] = buffer(act[l]);
                // The gradient at the top layer's output is the one the softmax layer hands down.
                grad[l] = l == layers - 1 ? dTop : matrix(size, topUnits);
                gradBuffer[l] = buffer(grad[l]);
                dropped[l] = matrix(size, l == 0 ? inputs : topUnits);
                droppedBuffer[l] = buffer(dropped[l]);
            }
            top = act[layers - 1];
            for (int l = 0; l < layers; l++) {
                INDArray in = l == 0 ? x : act[l - 1];
                dropout[l] = new DropOutInverted(in, dropped[l], keep);
                plainForward[l] = kernel(Kernel.matmul(in, w[l], act[l], false, false));
                droppedForward[l] = kernel(Kernel.matmul(dropped[l], w[l], act[l], false, false));
                plainWeightGradient[l] = kernel(Kernel.matmul(in, grad[l], wGrad[l], true, false));
                droppedWeightGradient[l] = kernel(Kernel.matmul(dropped[l], grad[l], wGrad[l], true, false));
                if (l > 0) {
                    inputGradient[l] = kernel(Kernel.matmul(grad[l], w[l], grad[l - 1], false, true));
                }
            }
            scratch = new float[size * topUnits];
            scratch2 = new float[size * topUnits];
            biasSums = new float[topUnits];
            bias = new float[layers][topUnits];
        }

        /** Layer {@code l}'s biases, copied out of the parameters (they change with every step). */
        float[] biasValues(int l) {
            b[l].get(0, bias[l], 0, topUnits);
            return bias[l];
        }
    }
}
