package io.kinefold.experiment;

import io.kinefold.data.ModelId;
import io.kinefold.model.Hyperparameters;
import java.util.List;

/**
 * One model of a planned experiment: its grid points, validated.
 *
 * @param model the model
 * @param points grid points in grid order; a trial's {@code gridPoint} indexes this list
 */
public record ModelPlan(ModelId model, List<Hyperparameters> points) {
    public ModelPlan {
        points = List.copyOf(points);
    }
}
