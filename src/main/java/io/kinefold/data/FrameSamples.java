package io.kinefold.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Single-frame samples of a model that learns from one frame, such as {@code pose} or {@code start:E}.
 *
 * @param model the model they are for
 * @param features one row of {@link Skeleton#FEATURES} values per sample
 * @param labels class index per sample
 * @param groups subject per sample, so that folds never split a subject
 * @param classes class names, indexed by label
 */
public record FrameSamples(ModelId model, float[][] features, int[] labels, String[] groups, List<String> classes) {
    public int size() {
        return labels.length;
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
        List<float[]> x = new ArrayList<>();
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
                    x.add(t.features()[i]);
                    y.add(c);
                    g.add(r.subject());
                }
            }
        }
        return new FrameSamples(model, x.toArray(float[][]::new), y.stream().mapToInt(Integer::intValue).toArray(),
                g.toArray(String[]::new), classes);
    }
}
