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

    int hiddenLayers() {
        return layers;
    }

    @Override
    protected Batch newBatch(int size) {
        return new DenseBatch(size, inputs, topUnits, layers, classes);
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
        boolean drop = training && keep < 1.0;
        INDArray in = d.x;
        for (int l = 0; l < layers; l++) {
            if (drop) {
                Nd4j.exec(new DropOutInverted(in, d.dropped[l], keep));
                in = d.dropped[l];
            }
            d.layerInput[l] = in;
            Nd4j.matmul(in, w[l], d.act[l], false, false, false);
            FloatBuffer a = d.actBuffer[l];
            FloatBuffer bias = b[l];
            int units = topUnits;
            for (int i = 0; i < d.size; i++) {
                int row = i * units;
                for (int u = 0; u < units; u++) {
                    float v = a.get(row + u) + bias.get(u);
                    a.put(row + u, v > 0f ? v : 0f);
                }
            }
            in = d.act[l];
        }
        d.top = d.act[layers - 1];
    }

    @Override
    protected void backward(Batch batch) {
        DenseBatch d = (DenseBatch) batch;
        INDArray dAct = d.dTop;
        for (int l = layers - 1; l >= 0; l--) {
            // dZ = dA where the unit was active. ReLU output is 0 exactly where it was inactive.
            FloatBuffer a = d.actBuffer[l];
            FloatBuffer g = d.gradBuffer(dAct);
            int n = d.size * topUnits;
            for (int k = 0; k < n; k++) {
                if (a.get(k) <= 0f) {
                    g.put(k, 0f);
                }
            }
            Nd4j.matmul(d.layerInput[l], dAct, wGrad[l], true, false, false);
            FloatBuffer bg = bGrad[l];
            for (int u = 0; u < topUnits; u++) {
                float sum = 0;
                for (int i = 0; i < d.size; i++) {
                    sum += g.get(i * topUnits + u);
                }
                bg.put(u, sum);
            }
            if (l == 0) {
                break; // nothing below the first layer needs a gradient
            }
            INDArray dIn = d.dAct[l - 1];
            Nd4j.matmul(dAct, w[l], dIn, false, true, false);
            if (d.layerInput[l] != d.act[l - 1]) {
                // Through inverted dropout: kept units pass the gradient scaled by 1/keep, and a
                // dropped unit reads 0, like an inactive one, so the ReLU step above zeroes it.
                float scale = (float) (1.0 / keep);
                FloatBuffer kept = d.droppedBuffer[l];
                FloatBuffer gi = d.gradBuffer(dIn);
                for (int k = 0; k < n; k++) {
                    gi.put(k, kept.get(k) == 0f ? 0f : gi.get(k) * scale);
                }
            }
            dAct = dIn;
        }
    }

    private static final class DenseBatch extends Batch {
        final INDArray x;
        final FloatBuffer xBuffer;
        final INDArray[] act;
        final FloatBuffer[] actBuffer;
        final INDArray[] dAct;
        final FloatBuffer[] dActBuffer;
        final INDArray[] dropped;
        final FloatBuffer[] droppedBuffer;
        final INDArray[] layerInput;
        final FloatBuffer dTopBuffer;

        DenseBatch(int size, int inputs, int units, int layers, int classes) {
            super(size, units, classes);
            x = matrix(size, inputs);
            xBuffer = buffer(x);
            act = new INDArray[layers];
            actBuffer = new FloatBuffer[layers];
            dAct = new INDArray[layers];
            dActBuffer = new FloatBuffer[layers];
            dropped = new INDArray[layers];
            droppedBuffer = new FloatBuffer[layers];
            layerInput = new INDArray[layers];
            for (int l = 0; l < layers; l++) {
                act[l] = matrix(size, units);
                actBuffer[l] = buffer(act[l]);
                dAct[l] = matrix(size, units);
                dActBuffer[l] = buffer(dAct[l]);
                dropped[l] = matrix(size, l == 0 ? inputs : units);
                droppedBuffer[l] = buffer(dropped[l]);
            }
            dTopBuffer = buffer(dTop);
        }

        FloatBuffer gradBuffer(INDArray array) {
            if (array == dTop) {
                return dTopBuffer;
            }
            for (int l = 0; l < dAct.length; l++) {
                if (array == dAct[l]) {
                    return dActBuffer[l];
                }
            }
            throw new IllegalArgumentException("not a gradient buffer of this batch");
        }
    }
}
