package io.kinefold.data;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Single-frame samples of a model that learns from one frame, such as {@code pose} or {@code start:E}.
 * A sample is a kept frame of a track, so that its features can be taken under any {@link FeatureOptions}.
 *
 * @param model the model they are for
 * @param tracks the normalised track each sample comes from
 * @param frames the index of each sample's frame among its track's kept frames
 * @param labels class index per sample
 * @param groups subject per sample, so that folds never split a subject
 * @param classes class names, indexed by label
 */
public record FrameSamples(ModelId model, List<NormalizedTrack> tracks, int[] frames, int[] labels, String[] groups,
                           List<String> classes) {
    public FrameSamples {
        tracks = List.copyOf(tracks);
        if (tracks.size() != labels.length || frames.length != labels.length || groups.length != labels.length) {
            throw new IllegalArgumentException("tracks, frames, labels and groups differ in length");
        }
    }

    public int size() {
        return labels.length;
    }

    /** One row of {@link Skeleton#FEATURES} neck-centred values per sample: the default features. */
    public float[][] features() {
        return features(FeatureOptions.DEFAULT);
    }

    /** One row of {@link FeatureOptions#count} values per sample; each track's features are computed once. */
    public float[][] features(FeatureOptions options) {
        Map<NormalizedTrack, float[][]> byTrack = new IdentityHashMap<>();
        float[][] rows = new float[labels.length][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = byTrack.computeIfAbsent(tracks.get(i), t -> t.features(options))[frames[i]];
        }
        return rows;
    }

    /** The class of one frame of a recording, or -1 to leave the frame out. */
    @FunctionalInterface
    public interface FrameLabel {
        int of(Recording recording, int frameNumber);
    }

    /**
     * Cuts frame samples from the kept (not dropped) frames of the dataset's labelled recordings,
     * each frame labelled, or left out, by {@code label}; grouped by subject.
     */
    public static FrameSamples cut(Dataset dataset, ModelId model, List<String> classes, FrameLabel label) {
        List<NormalizedTrack> tracks = new ArrayList<>();
        List<Integer> frames = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        List<String> g = new ArrayList<>();
        for (Recording r : dataset.recordings()) {
            if (!r.labelled()) {
                continue;
            }
            NormalizedTrack t = r.normalized();
            for (int i = 0; i < t.size(); i++) {
                int c = label.of(r, t.frameNumbers()[i]);
                if (c >= 0) {
                    tracks.add(t);
                    frames.add(i);
                    y.add(c);
                    g.add(r.subject());
                }
            }
        }
        return new FrameSamples(model, tracks, frames.stream().mapToInt(Integer::intValue).toArray(),
                y.stream().mapToInt(Integer::intValue).toArray(), g.toArray(String[]::new), classes);
    }
}
