package io.kinefold.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** {@code pose}, {@code start:<exercise>} or {@code rep:<exercise>}. */
public record ModelId(ModelKind kind, String exercise) implements Comparable<ModelId> {

    public ModelId {
        Objects.requireNonNull(kind, "kind");
        if (kind == ModelKind.POSE && exercise != null) {
            throw new IllegalArgumentException("pose takes no exercise");
        }
        if (kind != ModelKind.POSE && (exercise == null || exercise.isBlank())) {
            throw new IllegalArgumentException(kind.prefix() + " needs an exercise, as in " + kind.prefix() + ":squat");
        }
    }

    public static ModelId pose() {
        return new ModelId(ModelKind.POSE, null);
    }

    public static ModelId start(String exercise) {
        return new ModelId(ModelKind.START, exercise);
    }

    public static ModelId rep(String exercise) {
        return new ModelId(ModelKind.REP, exercise);
    }

    /** Parses {@code pose}, {@code start:E} or {@code rep:E}. */
    @JsonCreator
    public static ModelId parse(String text) {
        String t = text.strip();
        if (t.equals("pose")) {
            return pose();
        }
        int colon = t.indexOf(':');
        if (colon > 0) {
            String prefix = t.substring(0, colon);
            String exercise = t.substring(colon + 1);
            for (ModelKind kind : ModelKind.values()) {
                if (kind != ModelKind.POSE && kind.prefix().equals(prefix)) {
                    return new ModelId(kind, exercise);
                }
            }
        }
        throw new IllegalArgumentException("unknown model '" + text + "': expected pose, start:<exercise> or rep:<exercise>");
    }

    @JsonValue
    @Override
    public String toString() {
        return exercise == null ? kind.prefix() : kind.prefix() + ":" + exercise;
    }

    @Override
    public int compareTo(ModelId other) {
        int c = kind.compareTo(other.kind);
        return c != 0 ? c : String.valueOf(exercise).compareTo(String.valueOf(other.exercise));
    }
}
