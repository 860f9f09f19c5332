package io.kinefold.model;

import io.kinefold.data.FeatureOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hyperparameters of the feed-forward kinds, {@code pose} and {@code start:E}. */
public record FeedForwardParams(int hiddenLayers, int units, int batchSize, double learningRate, int epochs, double dropout,
                                FeatureOptions features) implements Hyperparameters {

    public static final List<ParamDef> DEFS = FeatureParams.after(List.of(
            new ParamDef("hiddenLayers", "Hidden layers", "Number of dense hidden layers.", 2, 1, 6, true),
            new ParamDef("units", "Units per layer", "Width of every hidden layer.", 64, 2, 1024, true),
            new ParamDef("batchSize", "Batch size", "Samples per gradient step.", 64, 1, 4096, true),
            new ParamDef("learningRate", "Learning rate", "Step size of the Adam optimiser.", 0.003, 1e-6, 1, false),
            new ParamDef("epochs", "Epochs", "Passes over the training folds (the most, with early stopping).", 20, 1, 1000, true),
            new ParamDef("dropout", "Dropout", "Fraction of hidden units dropped while training (0 = none).", 0.1, 0, 0.9, false)));

    public FeedForwardParams {
        if (features == null) {
            throw new IllegalArgumentException("features: missing");
        }
        double[] f = FeatureParams.numbers(features);
        Params.check(DEFS, hiddenLayers, units, batchSize, learningRate, epochs, dropout, f[0], f[1], f[2]);
    }

    /** With the default features. */
    public FeedForwardParams(int hiddenLayers, int units, int batchSize, double learningRate, int epochs, double dropout) {
        this(hiddenLayers, units, batchSize, learningRate, epochs, dropout, FeatureOptions.DEFAULT);
    }

    public static FeedForwardParams of(Map<String, Double> values) {
        double[] v = Params.resolve(DEFS, values);
        return new FeedForwardParams((int) v[0], (int) v[1], (int) v[2], v[3], (int) v[4], v[5], FeatureParams.of(v[6], v[7], v[8]));
    }

    @Override
    public Map<String, Double> values() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("hiddenLayers", (double) hiddenLayers);
        m.put("units", (double) units);
        m.put("batchSize", (double) batchSize);
        m.put("learningRate", learningRate);
        m.put("epochs", (double) epochs);
        m.put("dropout", dropout);
        FeatureParams.put(m, features);
        return m;
    }
}
