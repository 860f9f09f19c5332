package io.kinefold.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A model: its kind and, for a kind with one model per exercise, the exercise. Written
 * {@code pose}, {@code start:<exercise>}, {@code rep:<exercise>}. Only the form is checked here;
 * whether the kind exists and takes an exercise is {@code Kinds.parse}'s to say.
 */
public record ModelId(ModelKind kind, String exercise) {

    public ModelId {
        Objects.requireNonNull(kind, "kind");
        if (exercise != null && exercise.isBlank()) {
            throw new IllegalArgumentException(kind + ": blank exercise");
        }
    }

    /** Parses {@code <kind>} or {@code <kind>:<exercise>}, without asking whether the kind exists. */
    @JsonCreator
    public static ModelId parse(String text) {
        String t = text.strip();
        int colon = t.indexOf(':');
        try {
            return colon < 0 ? new ModelId(new ModelKind(t), null)
                    : new ModelId(new ModelKind(t.substring(0, colon)), t.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown model '" + text + "': " + e.getMessage(), e);
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return exercise == null ? kind.name() : kind.name() + ":" + exercise;
    }
}
