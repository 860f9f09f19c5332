package io.kinefold.kind;

import io.kinefold.data.Dataset;
import io.kinefold.data.FrameSamples;
import io.kinefold.data.ModelId;
import io.kinefold.data.ModelKind;
import java.util.List;

/** {@code pose}: which exercise, from one frame in start position; softmax over the dataset's exercises. */
public final class PoseKind extends FeedForwardKind {
    public static final ModelKind KIND = new ModelKind("pose");
    /** 0.044 s per trial over 368.2 units, measured as {@code exec.RunEstimate} describes. */
    public static final double SECONDS_PER_UNIT = 0.044 / 368.24;

    public PoseKind() {
        super(KIND, false, "Pose", "#2563eb", SECONDS_PER_UNIT);
    }

    /** The one model of this kind. */
    public static ModelId id() {
        return new ModelId(KIND, null);
    }

    @Override
    public String description(ModelId id) {
        return "Which exercise, from one frame in start position · feed-forward, softmax over exercises";
    }

    @Override
    public String refusal(List<String> exercises) {
        return exercises.size() < 2 ? "pose needs at least two exercises; the dataset has " + exercises : null;
    }

    @Override
    public ModelSamples samples(Dataset dataset, ModelId id) {
        return ModelSamples.frames(frames(dataset, id));
    }

    /** The frames inside {@code startFrames}, labelled with their recording's exercise. */
    public static FrameSamples frames(Dataset dataset, ModelId id) {
        return FrameSamples.cut(dataset, id, dataset.exercises(), label(dataset));
    }

    @Override
    public List<SampleOrigin> origins(Dataset dataset, ModelId id) {
        return SampleOrigin.frames(dataset, label(dataset));
    }

    private static FrameSamples.FrameLabel label(Dataset dataset) {
        List<String> exercises = dataset.exercises();
        return (r, frame) -> r.inStartPosition(frame) ? exercises.indexOf(r.exercise()) : -1;
    }
}
