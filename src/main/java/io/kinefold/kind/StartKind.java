package io.kinefold.kind;

import io.kinefold.data.Dataset;
import io.kinefold.data.FrameSamples;
import io.kinefold.data.ModelId;
import io.kinefold.data.ModelKind;
import java.util.List;

/** {@code start:E}: whether one frame of E is in start position; binary. */
public final class StartKind extends FeedForwardKind {
    public static final ModelKind KIND = new ModelKind("start");
    public static final List<String> CLASSES = List.of("other", "start");
    /** 0.023 s per trial over 277.0 units, measured as {@code exec.RunEstimate} describes. */
    public static final double SECONDS_PER_UNIT = 0.023 / 276.98;

    public StartKind() {
        super(KIND, true, "Start position", "#059669", SECONDS_PER_UNIT);
    }

    /** The model of this kind for one exercise. */
    public static ModelId id(String exercise) {
        return new ModelId(KIND, exercise);
    }

    @Override
    public String description(ModelId id) {
        return "Is this frame the start position of " + id.exercise() + " · feed-forward, binary";
    }

    @Override
    public ModelSamples samples(Dataset dataset, ModelId id) {
        return ModelSamples.frames(frames(dataset, id));
    }

    /** Every kept frame of E's recordings, labelled by whether it lies inside {@code startFrames}. */
    public static FrameSamples frames(Dataset dataset, ModelId id) {
        return FrameSamples.cut(dataset, id, CLASSES, label(id));
    }

    @Override
    public List<SampleOrigin> origins(Dataset dataset, ModelId id) {
        return SampleOrigin.frames(dataset, label(id));
    }

    private static FrameSamples.FrameLabel label(ModelId id) {
        return (r, frame) -> !r.exercise().equals(id.exercise()) ? -1 : r.inStartPosition(frame) ? 1 : 0;
    }
}
