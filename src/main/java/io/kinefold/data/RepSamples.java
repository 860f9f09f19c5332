package io.kinefold.data;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Repetitions as samples, for a model that learns from sequences such as {@code rep:E}; each is
 * resampled to the sequence length T that the grid point asks for.
 *
 * @param model the model they are for
 * @param tracks the normalised track each repetition comes from
 * @param ranges the frames of each repetition
 * @param labels class index per repetition
 * @param groups subject per repetition
 * @param classes class names, indexed by label
 */
public record RepSamples(ModelId model, List<NormalizedTrack> tracks, List<FrameRange> ranges, int[] labels,
                         String[] groups, List<String> classes) {
    public int size() {
        return labels.length;
    }

    /** Every repetition resampled to {@code length} frames: {@code [sample][time][feature]}, the default features. */
    public float[][][] resample(int length) {
        return resample(length, FeatureOptions.DEFAULT);
    }

    /**
     * Every repetition resampled to {@code length} frames of the features the options ask for.
     * Velocities are taken between the track's kept frames before resampling, like the coordinates they go with.
     */
    public float[][][] resample(int length, FeatureOptions options) {
        Map<NormalizedTrack, float[][]> byTrack = new IdentityHashMap<>();
        float[][][] out = new float[labels.length][][];
        for (int i = 0; i < labels.length; i++) {
            NormalizedTrack t = tracks.get(i);
            out[i] = t.resample(ranges.get(i), length, byTrack.computeIfAbsent(t, k -> k.features(options)));
        }
        return out;
    }
}
