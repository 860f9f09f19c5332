package io.kinefold.kind;

import io.kinefold.data.FeatureOptions;
import io.kinefold.data.FrameSamples;
import io.kinefold.data.RepSamples;
import io.kinefold.model.DataBlock;
import io.kinefold.model.Hyperparameters;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * One model's samples as the experiment sees them: labels, subject groups (so that folds never
 * split a subject), class names, and all samples as one block shaped for a grid point. Thread-safe.
 *
 * @param blocks every sample, in label order, as a grid point's network takes them
 */
public record ModelSamples(List<String> classes, int[] labels, String[] groups, Function<Hyperparameters, DataBlock> blocks) {
    public int size() {
        return labels.length;
    }

    public DataBlock block(Hyperparameters params) {
        return blocks.apply(params);
    }

    /** Single frames with the features a grid point asks for, each choice of features taken once. */
    public static ModelSamples frames(FrameSamples samples) {
        Map<FeatureOptions, DataBlock> byFeatures = new ConcurrentHashMap<>();
        return new ModelSamples(samples.classes(), samples.labels(), samples.groups(),
                params -> byFeatures.computeIfAbsent(params.features(),
                        o -> new DataBlock(samples.features(o), samples.labels(), 0, o.count())));
    }

    /** Repetitions resampled to the length a grid point asks for, with its features; each length and choice once. */
    public static ModelSamples sequences(RepSamples samples, ToIntFunction<Hyperparameters> length) {
        record Shape(int length, FeatureOptions features) {}
        Map<Shape, DataBlock> byShape = new ConcurrentHashMap<>();
        return new ModelSamples(samples.classes(), samples.labels(), samples.groups(),
                params -> byShape.computeIfAbsent(new Shape(length.applyAsInt(params), params.features()),
                        s -> new DataBlock(flatten(samples.resample(s.length(), s.features()), s.features().count()),
                                samples.labels(), s.length(), s.features().count())));
    }

    private static float[][] flatten(float[][][] sequences, int features) {
        float[][] rows = new float[sequences.length][];
        for (int i = 0; i < sequences.length; i++) {
            float[][] s = sequences[i];
            float[] row = new float[s.length * features];
            for (int t = 0; t < s.length; t++) {
                System.arraycopy(s[t], 0, row, t * features, features);
            }
            rows[i] = row;
        }
        return rows;
    }
}
