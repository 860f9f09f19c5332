package io.kinefold.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * A spec checked against its dataset: the models, their grid points, and the trials.
 *
 * @param spec the spec
 * @param models one entry per model, wildcards expanded to the dataset's exercises
 */
public record Plan(ExperimentSpec spec, List<ModelPlan> models) {
    public Plan {
        models = List.copyOf(models);
    }

    /** Every trial, model by model, grid point by grid point, fold by fold. */
    public List<Trial> trials() {
        List<Trial> trials = new ArrayList<>();
        for (ModelPlan m : models) {
            for (int g = 0; g < m.points().size(); g++) {
                for (int f = 0; f < spec.folds(); f++) {
                    trials.add(new Trial(m.model(), g, m.points().get(g).values(), f));
                }
            }
        }
        return trials;
    }

    public int trialCount() {
        return models.stream().mapToInt(m -> m.points().size()).sum() * spec.folds();
    }

    public int gridPoints() {
        return models.stream().mapToInt(m -> m.points().size()).sum();
    }
}
