package io.kinefold.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Cross-validation folds stratified by label and grouped by subject, fixed by a seed: no subject
 * is ever split between training and test, and each fold's label mix stays close to the whole.
 * The same labels, groups, k and seed always give the same folds.
 */
public final class Folds {
    private Folds() {}

    /**
     * Splits samples into k folds.
     *
     * @throws IllegalArgumentException when k is below 2 or above the number of groups
     */
    public static List<Fold> split(int[] labels, String[] groups, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("folds must be at least 2, was " + k);
        }
        if (labels.length != groups.length) {
            throw new IllegalArgumentException("labels and groups differ in length");
        }
        int classes = Arrays.stream(labels).max().orElse(0) + 1;
        Map<String, int[]> countsByGroup = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            countsByGroup.computeIfAbsent(groups[i], g -> new int[classes])[labels[i]]++;
        }
        if (countsByGroup.size() < k) {
            throw new IllegalArgumentException("folds (" + k + ") must not exceed the subjects (" + countsByGroup.size() + ")");
        }
        // Shuffled by the seed, then placed largest first: a greedy assignment of big groups
        // first keeps fold sizes even, and the shuffle decides among equals.
        List<String> order = new ArrayList<>(countsByGroup.keySet());
        java.util.Collections.shuffle(order, new Random(seed));
        order.sort(Comparator.comparingInt((String g) -> -Arrays.stream(countsByGroup.get(g)).sum()));

        int[] classTotals = new int[classes];
        for (int label : labels) {
            classTotals[label]++;
        }
        int[][] foldCounts = new int[k][classes];
        int[] foldSizes = new int[k];
        Map<String, Integer> foldOf = new LinkedHashMap<>();
        for (String group : order) {
            int[] counts = countsByGroup.get(group);
            int bestFold = -1;
            double bestCost = Double.POSITIVE_INFINITY;
            for (int f = 0; f < k; f++) {
                for (int c = 0; c < classes; c++) {
                    foldCounts[f][c] += counts[c];
                }
                double cost = imbalance(foldCounts, classTotals);
                for (int c = 0; c < classes; c++) {
                    foldCounts[f][c] -= counts[c];
                }
                // An empty fold is always filled first, so that every fold gets a group.
                if (foldSizes[f] == 0) {
                    cost -= 1e6;
                }
                if (cost < bestCost - 1e-12 || (Math.abs(cost - bestCost) <= 1e-12 && foldSizes[f] < foldSizes[bestFold])) {
                    bestCost = cost;
                    bestFold = f;
                }
            }
            foldOf.put(group, bestFold);
            for (int c = 0; c < classes; c++) {
                foldCounts[bestFold][c] += counts[c];
                foldSizes[bestFold] += counts[c];
            }
        }
        List<Fold> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                (foldOf.get(groups[i]) == f ? test : train).add(i);
            }
            folds.add(new Fold(f, toArray(train), toArray(test)));
        }
        return List.copyOf(folds);
    }

    /** Spread across folds of each class's share, summed over classes. */
    private static double imbalance(int[][] foldCounts, int[] classTotals) {
        double cost = 0;
        int k = foldCounts.length;
        for (int c = 0; c < classTotals.length; c++) {
            if (classTotals[c] == 0) {
                continue;
            }
            double mean = 0;
            for (int[] fold : foldCounts) {
                mean += (double) fold[c] / classTotals[c];
            }
            mean /= k;
            for (int[] fold : foldCounts) {
                double d = (double) fold[c] / classTotals[c] - mean;
                cost += d * d;
            }
        }
        return cost;
    }

    /**
     * A grouped validation split of training indices for early stopping: whole subjects, about
     * {@code fraction} of the samples, chosen by the seed. Returns {@code {train, validation}}.
     */
    public static int[][] validationSplit(int[] train, String[] groups, double fraction, long seed) {
        Map<String, List<Integer>> byGroup = new TreeMap<>();
        for (int i : train) {
            byGroup.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
        }
        List<String> order = new ArrayList<>(byGroup.keySet());
        java.util.Collections.shuffle(order, new Random(seed ^ 0x5DEECE66DL));
        Set<String> validation = new HashSet<>();
        int target = (int) Math.ceil(fraction * train.length);
        int taken = 0;
        for (String g : order) {
            if (taken >= target || validation.size() >= order.size() - 1) {
                break;
            }
            validation.add(g);
            taken += byGroup.get(g).size();
        }
        List<Integer> rest = new ArrayList<>();
        List<Integer> val = new ArrayList<>();
        for (int i : train) {
            (validation.contains(groups[i]) ? val : rest).add(i);
        }
        return new int[][] {toArray(rest), toArray(val)};
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
