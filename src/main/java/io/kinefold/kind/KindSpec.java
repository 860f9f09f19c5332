package io.kinefold.kind;

import io.kinefold.data.Dataset;
import io.kinefold.data.ModelId;
import io.kinefold.data.ModelKind;
import io.kinefold.model.Hyperparameters;
import io.kinefold.model.Net;
import io.kinefold.model.ParamDef;
import java.util.List;
import java.util.Map;

/**
 * Everything a kind of model is, in one place. An implementation is stateless and registered in
 * {@link Kinds}; nothing outside it asks which kind a model is.
 */
public interface KindSpec {
    /** Its name in model ids, specs, the store and JSON, e.g. {@code start}. */
    ModelKind kind();

    /** Whether there is one model per exercise ({@code start:E}) rather than one per dataset ({@code pose}). */
    boolean perExercise();

    /** The heading of the kind in the model list, e.g. {@code Start position}. */
    String title();

    /** What a model of this kind learns, and from what, in words. */
    String description(ModelId id);

    /** The colour of the kind's trials in the timeline, as {@code #rrggbb}. */
    String colour();

    /** Its hyperparameters' declarations, in form order. */
    List<ParamDef> params();

    /** The validated hyperparameters of a grid point; a missing name takes its default. */
    Hyperparameters hyperparameters(Map<String, Double> values);

    /** Why a dataset with these exercises cannot have this kind of model, or null when it can. */
    default String refusal(List<String> exercises) {
        return null;
    }

    /** The samples of one model of this kind, cut from the dataset's labels. */
    ModelSamples samples(Dataset dataset, ModelId id);

    /** A fresh network for a grid point's hyperparameters. */
    Net network(Hyperparameters params, int features, int classes, float[] classWeights);

    /** A trial's expected cost in the units of {@link #secondsPerCostUnit}; only the order among trials matters. */
    double cost(Hyperparameters params, int trainSamples);

    /** Seconds per cost unit until stored trials measure it: the forecast's default calibration. */
    double secondsPerCostUnit();
}
