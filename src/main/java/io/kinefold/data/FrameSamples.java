package io.kinefold.data;

import java.util.List;

/**
 * Single-frame samples of a {@code pose} or {@code start:E} model.
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
}
