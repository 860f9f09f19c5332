package io.kinefold.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * A spec checked against its dataset: the models, their grid points, and the trials.
 *
 * @param spec the spec
 * @param models one entry per model, wildcards expanded to the dataset's exercises
 * @param skipped the models of the spec the dataset cannot have, each with why, e.g. {@code pose:
 *     needs at least two exercises; the dataset has [squat]}: left out and reported, not refused,
 *     so that one spec (a preset) serves datasets of one exercise and of many
 */
public record Plan(ExperimentSpec spec, List<ModelPlan> models, List<String> skipped) {
    public Plan {
        models = List.copyOf(models);
        skipped = List.copyOf(skipped);
    }

    public Plan(ExperimentSpec spec, List<ModelPlan> models) {
        this(spec, models, List.of());
    }

    /**
     * Every trial, model by model, grid point by grid point, fold by fold; after a model's grid
     * points its baselines, on the same folds and with the features of its first grid point.
     */
    public List<Trial> trials() {
        List<Trial> trials = new ArrayList<>();
        for (ModelPlan m : models) {
            for (int g = 0; g < m.points().size(); g++) {
                for (int f = 0; f < spec.folds(); f++) {
                    trials.add(new Trial(m.model(), g, m.points().get(g).values(), f));
                }
            }
            if (!m.points().isEmpty()) {
                for (Baseline b : Baseline.values()) {
                    for (int f = 0; f < spec.folds(); f++) {
                        trials.add(Trial.baseline(m.model(), b, m.points().get(0).values(), f));
                    }
                }
            }
        }
        return trials;
    }

    /** Every trial, baselines included. */
    public int trialCount() {
        return networkTrialCount() + baselineTrialCount();
    }

    /** The trials that train a network: grid points times folds. */
    public int networkTrialCount() {
        return gridPoints() * spec.folds();
    }

    /** The baselines' trials: every baseline of every model on every fold. */
    public int baselineTrialCount() {
        return (int) models.stream().filter(m -> !m.points().isEmpty()).count() * Baseline.values().length * spec.folds();
    }

    public int gridPoints() {
        return models.stream().mapToInt(m -> m.points().size()).sum();
    }
}
