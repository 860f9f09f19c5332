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
 * Everything a kind of model is, in one place. A subclass is stateless and registered in
 * {@link Kinds}; nothing outside it asks which kind a model is.
 */
public abstract class KindSpec {
    private final ModelKind kind;
    private final boolean perExercise;
    private final String title;
    private final String colour;
    private final double secondsPerCostUnit;

    /**
     * @param kind its name in model ids, specs, the store and JSON, e.g. {@code start}
     * @param perExercise whether there is one model per exercise ({@code start:E}) rather than one per dataset ({@code pose})
     * @param title the heading of the kind in the model list, e.g. {@code Start position}
     * @param colour the colour of the kind's trials in the timeline, as {@code #rrggbb}
     * @param secondsPerCostUnit seconds per {@link #cost} unit until stored trials measure it: the
     *     forecast's default calibration
     */
    protected KindSpec(ModelKind kind, boolean perExercise, String title, String colour, double secondsPerCostUnit) {
        this.kind = kind;
        this.perExercise = perExercise;
        this.title = title;
        this.colour = colour;
        this.secondsPerCostUnit = secondsPerCostUnit;
    }

    public final ModelKind kind() {
        return kind;
    }

    public final boolean perExercise() {
        return perExercise;
    }

    public final String title() {
        return title;
    }

    public final String colour() {
        return colour;
    }

    public final double secondsPerCostUnit() {
        return secondsPerCostUnit;
    }

    /** What a model of this kind learns, and from what, in words. */
    public abstract String description(ModelId id);

    /** Its hyperparameters' declarations, in form order. */
    public abstract List<ParamDef> params();

    /** The validated hyperparameters of a grid point; a missing name takes its default. */
    public abstract Hyperparameters hyperparameters(Map<String, Double> values);

    /** Why a dataset with these exercises cannot have this kind of model, or null when it can. */
    public String refusal(List<String> exercises) {
        return null;
    }

    /** The samples of one model of this kind, cut from the dataset's labels. */
    public abstract ModelSamples samples(Dataset dataset, ModelId id);

    /**
     * Where each of {@link #samples}' samples comes from, in the same order: what a prediction is
     * shown against. A kind that does not say gives origins with only the labels.
     */
    public List<SampleOrigin> origins(Dataset dataset, ModelId id) {
        return java.util.Arrays.stream(samples(dataset, id).labels()).mapToObj(label -> new SampleOrigin(null, -1, -1, label)).toList();
    }

    /** A fresh network for a grid point's hyperparameters. */
    public abstract Net network(Hyperparameters params, int features, int classes, float[] classWeights);

    /** A trial's expected cost in the units of {@link #secondsPerCostUnit}; only the order among trials matters. */
    public abstract double cost(Hyperparameters params, int trainSamples);
}
