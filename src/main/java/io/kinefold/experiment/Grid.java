package io.kinefold.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Expansion of a grid into its points: a pure function, knowing nothing of models or forms. */
public final class Grid {
    private Grid() {}

    /**
     * The cross product of the value lists, the last name varying fastest.
     *
     * @throws IllegalArgumentException when a list is empty
     */
    public static List<Map<String, Double>> expand(Map<String, List<Double>> grid) {
        List<String> names = new ArrayList<>(grid.keySet());
        for (String name : names) {
            if (grid.get(name).isEmpty()) {
                throw new IllegalArgumentException(name + ": empty value list");
            }
        }
        List<Map<String, Double>> points = new ArrayList<>();
        int[] at = new int[names.size()];
        while (true) {
            Map<String, Double> point = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                point.put(names.get(i), grid.get(names.get(i)).get(at[i]));
            }
            points.add(point);
            int i = names.size() - 1;
            while (i >= 0 && ++at[i] == grid.get(names.get(i)).size()) {
                at[i] = 0;
                i--;
            }
            if (i < 0) {
                return points;
            }
        }
    }
}
