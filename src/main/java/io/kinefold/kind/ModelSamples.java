package io.kinefold.kind;

import io.kinefold.data.FrameSamples;
import io.kinefold.data.RepSamples;
import io.kinefold.data.Skeleton;
import io.kinefold.model.DataBlock;
import io.kinefold.model.Hyperparameters;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * One model's samples as the experiment sees them: labels, subject groups, class names, and all
 * samples as one block shaped for a grid point. Thread-safe.
 */
public interface ModelSamples {
    List<String> classes();

    int[] labels();

    /** Subject per sample, so that folds never split a subject. */
    String[] groups();

    default int size() {
        return labels().length;
    }

    /** Every sample, in label order, as the grid point's network takes them. */
    DataBlock block(Hyperparameters params);

    /** Single frames, the same block for every grid point. */
    static ModelSamples frames(FrameSamples samples) {
        DataBlock all = new DataBlock(samples.features(), samples.labels(), 0, Skeleton.FEATURES);
        return new Frames(samples, all);
    }

    /** Repetitions resampled to the length a grid point asks for, each length resampled once. */
    static ModelSamples sequences(RepSamples samples, ToIntFunction<Hyperparameters> length) {
        return new Sequences(samples, length, new ConcurrentHashMap<>());
    }

    record Frames(FrameSamples samples, DataBlock all) implements ModelSamples {
        @Override
        public List<String> classes() {
            return samples.classes();
        }

        @Override
        public int[] labels() {
            return samples.labels();
        }

        @Override
        public String[] groups() {
            return samples.groups();
        }

        @Override
        public DataBlock block(Hyperparameters params) {
            return all;
        }
    }

    record Sequences(RepSamples samples, ToIntFunction<Hyperparameters> length, Map<Integer, DataBlock> byLength)
            implements ModelSamples {
        @Override
        public List<String> classes() {
            return samples.classes();
        }

        @Override
        public int[] labels() {
            return samples.labels();
        }

        @Override
        public String[] groups() {
            return samples.groups();
        }

        @Override
        public DataBlock block(Hyperparameters params) {
            int t = length.applyAsInt(params);
            return byLength.computeIfAbsent(t, k -> new DataBlock(flatten(samples.resample(k)), samples.labels(), k, Skeleton.FEATURES));
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
}
