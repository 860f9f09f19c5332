package io.kinefold.data;

/** The three kinds of model, each with its own samples. */
public enum ModelKind {
    /** Which exercise, from one start-position frame. */
    POSE("pose"),
    /** Whether one frame is the start position of an exercise. */
    START("start"),
    /** Whether one repetition, resampled to T frames, was done correctly. */
    REP("rep");

    private final String prefix;

    ModelKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
