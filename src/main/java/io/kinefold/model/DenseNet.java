package io.kinefold.model;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.DropOutInverted;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The feed-forward network of {@code pose} and {@code start:E}: dense ReLU layers and a softmax,
 * with inverted dropout on the output of every hidden layer while training, so that
 * {@link FeedForwardParams#dropout} is the fraction of hidden units dropped. The input features
 * are never dropped. In DL4J's terms, where a layer's {@code dropOut} acts on that layer's input,
 * this is {@code dropOut} on every layer but the first hidden one, the output layer included
 * ({@link Networks#feedForward}).
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
            d.forward[l].run();
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
            if (d.dropping) {
                // In place: the layer above (or the softmax layer) reads the dropped activations,
                // and backward reads them too, to tell kept units from dropped ones.
                Nd4j.getExecutioner().exec(d.dropout[l]);
            }
        }
    }

    @Override
    protected void backward(Batch batch) {
        DenseBatch d = (DenseBatch) batch;
        int n = d.size * topUnits;
        float[] a = d.scratch;
        float[] g = d.scratch2;
        // Through inverted dropout a kept unit passes the gradient scaled by 1/keep.
        float scale = d.dropping ? (float) (1.0 / keep) : 1f;
        for (int l = layers - 1; l >= 0; l--) {
            // dZ = dA / keep where the unit was active and kept, else 0: the activation after
            // ReLU and dropout is 0 exactly where the unit was inactive or dropped.
            FloatBuffer gradient = d.gradBuffer[l];
            d.actBuffer[l].get(0, a, 0, n);
            gradient.get(0, g, 0, n);
            float[] sums = d.biasSums;
            java.util.Arrays.fill(sums, 0f);
            for (int row = 0; row < n; row += topUnits) {
                for (int u = 0; u < topUnits; u++) {
                    float v = a[row + u] > 0f ? g[row + u] * scale : 0f;
                    g[row + u] = v;
                    sums[u] += v;
                }
            }
            gradient.put(0, g, 0, n);
            bGrad[l].put(0, sums, 0, topUnits);
            d.weightGradient[l].run();
            if (l == 0) {
                break; // nothing below the first layer needs a gradient
            }
            d.inputGradient[l].run();
        }
    }

    /**
     * The hidden layers' activations {@code [layer][sample][unit]} after a forward pass over a
     * block, in training mode (with dropout) or not: for tests.
     */
    float[][][] hiddenActivations(DataBlock block, boolean training) {
        DenseBatch d = (DenseBatch) forwardOnly(block, training);
        float[][][] out = new float[layers][d.size][topUnits];
        for (int l = 0; l < layers; l++) {
            for (int i = 0; i < d.size; i++) {
                d.actBuffer[l].get(i * topUnits, out[l][i], 0, topUnits);
            }
        }
        return out;
    }

    private final class DenseBatch extends Batch {
        final INDArray x;
        final FloatBuffer xBuffer;
        final FloatBuffer[] actBuffer;
        final FloatBuffer[] gradBuffer;
        final DropOutInverted[] dropout;
        final Kernel[] forward;
        final Kernel[] weightGradient;
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
            actBuffer = new FloatBuffer[layers];
            gradBuffer = new FloatBuffer[layers];
            dropout = new DropOutInverted[layers];
            forward = new Kernel[layers];
            weightGradient = new Kernel[layers];
            inputGradient = new Kernel[layers];
            for (int l = 0; l < layers; l++) {
                act[l] = matrix(size, topUnits);
                actBuffer[l] = buffer(act[l]);
                // The gradient at the top layer's output is the one the softmax layer hands down.
                grad[l] = l == layers - 1 ? dTop : matrix(size, topUnits);
                gradBuffer[l] = buffer(grad[l]);
                dropout[l] = new DropOutInverted(act[l], act[l], keep);
            }
            top = act[layers - 1];
            for (int l = 0; l < layers; l++) {
                INDArray in = l == 0 ? x : act[l - 1];
                forward[l] = kernel(Kernel.matmul(in, w[l], act[l], false, false));
                weightGradient[l] = kernel(Kernel.matmul(in, grad[l], wGrad[l], true, false));
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
