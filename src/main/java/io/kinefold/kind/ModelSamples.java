package io.kinefold.kind;

import io.kinefold.data.FrameSamples;
import io.kinefold.data.RepSamples;
import io.kinefold.data.Skeleton;
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

    /** Single frames, the same block for every grid point. */
    public static ModelSamples frames(FrameSamples samples) {
        DataBlock all = new DataBlock(samples.features(), samples.labels(), 0, Skeleton.FEATURES);
        return new ModelSamples(samples.classes(), samples.labels(), samples.groups(), params -> all);
    }

    /** Repetitions resampled to the length a grid point asks for, each length resampled once. */
    public static ModelSamples sequences(RepSamples samples, ToIntFunction<Hyperparameters> length) {
        Map<Integer, DataBlock> byLength = new ConcurrentHashMap<>();
        return new ModelSamples(samples.classes(), samples.labels(), samples.groups(),
                params -> byLength.computeIfAbsent(length.applyAsInt(params),
                        t -> new DataBlock(flatten(samples.resample(t)), samples.labels(), t, Skeleton.FEATURES)));
    }

    private static float[][] flatten(float[][][] sequences) {
        float[][] rows = new float[sequences.length][];
        for (int i = 0; i < sequences.length; i++) {
            float[][] s = sequences[i];
            float[] row = new float[s.length * Skeleton.FEATURES];
            for (int t = 0; t < s.length; t++) {
                System.arraycopy(s[t], 0, row, t * Skeleton.FEATURES, Skeleton.FEATURES);
            }
            rows[i] = row;
        }
        return rows;
    }
}
