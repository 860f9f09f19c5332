package io.kinefold.kind;

import io.kinefold.data.Dataset;
import io.kinefold.data.FrameSamples;
import io.kinefold.data.ModelId;
import io.kinefold.data.ModelKind;
import java.util.List;

/**
 * A throw-away kind that exists to show that a kind is one class: {@code still}, which exercise,
 * from every other start-position frame (a subset of {@code pose}'s samples). Registered by
 * tests through {@link Kinds#register}; nothing else in the code base names it.
 */
public final class StillPoseKind extends FeedForwardKind {
    public static final ModelKind KIND = new ModelKind("still");
    public static final ModelId ID = new ModelId(KIND, null);

    public StillPoseKind() {
        super(KIND, false, "Still pose", "#7c3aed", 1e-4);
    }

    @Override
    public String description(ModelId id) {
        return "Which exercise, from every other frame in start position · feed-forward";
    }

    @Override
    public ModelSamples samples(Dataset dataset, ModelId id) {
        List<String> exercises = dataset.exercises();
        return ModelSamples.frames(FrameSamples.cut(dataset, id, exercises,
                (r, frame) -> r.inStartPosition(frame) && frame % 2 == 0 ? exercises.indexOf(r.exercise()) : -1));
    }
}
