package io.kinefold.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grid of one model in a spec: every hyperparameter a list of values; unlisted ones take
 * their defaults.
 *
 * @param model {@code pose}, {@code start:<exercise>}, {@code rep:<exercise>}, or {@code start:*} /
 *     {@code rep:*} for every exercise of the dataset
 * @param grid values by hyperparameter name, in the order they were given
 */
public record ModelGrid(String model, Map<String, List<Double>> grid) {
    public ModelGrid {
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        grid.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        grid = java.util.Collections.unmodifiableMap(copy);
    }

    /** Grid points: the product of the list sizes. */
    public int size() {
        int n = 1;
        for (List<Double> values : grid.values()) {
            n *= values.size();
        }
        return n;
    }
}
