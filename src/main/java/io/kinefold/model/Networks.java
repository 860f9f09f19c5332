package io.kinefold.model;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * The three model kinds as DL4J networks: the reference that {@link DenseNet} and {@link LstmNet}
 * compute (checked weight for weight by {@code NetEquivalenceTest}), and the form a trained model
 * takes outside Kinefold.
 */
public final class Networks {
    private Networks() {}

    /**
     * A feed-forward classifier ({@code pose}, {@code start:E}): dense ReLU layers and a softmax.
     * Dropout drops hidden units: DL4J applies a layer's {@code dropOut} to that layer's input, so
     * every layer but the first hidden one carries it, the output layer included.
     *
     * @param classWeights loss weight per class, against class imbalance
     */
    public static MultiLayerNetwork feedForward(FeedForwardParams p, int inputs, int classes, INDArray classWeights, long seed) {
        var list = base(seed, p.learningRate()).list();
        double keep = 1.0 - p.dropout(); // DL4J takes the probability of keeping a unit
        for (int i = 0; i < p.hiddenLayers(); i++) {
            DenseLayer.Builder dense = new DenseLayer.Builder().nOut(p.units()).activation(Activation.RELU);
            if (i > 0 && p.dropout() > 0) {
                dense.dropOut(keep);
            }
            list.layer(dense.build());
        }
        OutputLayer.Builder output = new OutputLayer.Builder(new LossMCXENT(classWeights)).nOut(classes).activation(Activation.SOFTMAX);
        if (p.dropout() > 0) {
            output.dropOut(keep);
        }
        list.layer(output.build());
        list.setInputType(InputType.feedForward(inputs));
        return init(list.build());
    }

    /** A sequence classifier ({@code rep:E}): stacked LSTMs, the last time step, a softmax. */
    public static MultiLayerNetwork recurrent(RecurrentParams p, int features, int classes, INDArray classWeights, long seed) {
        var list = base(seed, p.learningRate()).list();
        for (int i = 0; i < p.lstmLayers(); i++) {
            LSTM lstm = new LSTM.Builder().nOut(p.lstmUnits()).activation(Activation.TANH).build();
            list.layer(i == p.lstmLayers() - 1 ? new LastTimeStep(lstm) : lstm);
        }
        list.layer(new OutputLayer.Builder(new LossMCXENT(classWeights)).nOut(classes).activation(Activation.SOFTMAX).build());
        list.setInputType(InputType.recurrent(features, p.sequenceLength()));
        return init(list.build());
    }

    private static NeuralNetConfiguration.Builder base(long seed, double learningRate) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(learningRate));
    }

    private static MultiLayerNetwork init(MultiLayerConfiguration conf) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
