package io.kinefold.model;

import io.kinefold.data.FeatureOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hyperparameters of the {@code rep:E} kind: LSTM layers over a repetition resampled to T frames. */
public record RecurrentParams(int lstmLayers, int lstmUnits, int sequenceLength, int batchSize, double learningRate, int epochs,
                              FeatureOptions features) implements Hyperparameters {

    public static final List<ParamDef> DEFS = FeatureParams.after(List.of(
            new ParamDef("lstmLayers", "LSTM layers", "Number of stacked LSTM layers.", 1, 1, 4, true),
            new ParamDef("lstmUnits", "LSTM units", "Hidden units of every LSTM layer.", 32, 2, 512, true),
            new ParamDef("sequenceLength", "Sequence length T", "Frames each repetition is resampled to.", 32, 24, 48, true),
            new ParamDef("batchSize", "Batch size", "Repetitions per gradient step.", 16, 1, 1024, true),
            new ParamDef("learningRate", "Learning rate", "Step size of the Adam optimiser.", 0.005, 1e-6, 1, false),
            new ParamDef("epochs", "Epochs", "Passes over the training folds (the most, with early stopping).", 30, 1, 1000, true)));

    public RecurrentParams {
        if (features == null) {
            throw new IllegalArgumentException("features: missing");
        }
        double[] f = FeatureParams.numbers(features);
        Params.check(DEFS, lstmLayers, lstmUnits, sequenceLength, batchSize, learningRate, epochs, f[0], f[1], f[2]);
    }

    /** With the default features. */
    public RecurrentParams(int lstmLayers, int lstmUnits, int sequenceLength, int batchSize, double learningRate, int epochs) {
        this(lstmLayers, lstmUnits, sequenceLength, batchSize, learningRate, epochs, FeatureOptions.DEFAULT);
    }

    public static RecurrentParams of(Map<String, Double> values) {
        double[] v = Params.resolve(DEFS, values);
        return new RecurrentParams((int) v[0], (int) v[1], (int) v[2], (int) v[3], v[4], (int) v[5], FeatureParams.of(v[6], v[7], v[8]));
    }

    @Override
    public Map<String, Double> values() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("lstmLayers", (double) lstmLayers);
        m.put("lstmUnits", (double) lstmUnits);
        m.put("sequenceLength", (double) sequenceLength);
        m.put("batchSize", (double) batchSize);
        m.put("learningRate", learningRate);
        m.put("epochs", (double) epochs);
        FeatureParams.put(m, features);
        return m;
    }
}
