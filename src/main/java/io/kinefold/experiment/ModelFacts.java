package io.kinefold.experiment;

import io.kinefold.data.ModelId;
import java.util.List;

/**
 * What a run's results need to know of one model's data, stored with the run so that results
 * can be shown and exported after the dataset has moved or changed.
 *
 * @param model the model
 * @param classes class names, indexed like the confusion matrices
 * @param majorityRate share of the most frequent class among all samples
 */
public record ModelFacts(ModelId model, List<String> classes, double majorityRate) {
    public ModelFacts {
        classes = List.copyOf(classes);
    }

    /** The facts of every model of the plan, read from the workload's samples. */
    public static List<ModelFacts> of(Plan plan, Workload workload) {
        return plan.models().stream()
                .map(m -> new ModelFacts(m.model(), workload.classes(m.model()), workload.majorityRate(m.model())))
                .toList();
    }
}
