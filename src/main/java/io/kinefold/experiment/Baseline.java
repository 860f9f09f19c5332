package io.kinefold.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A trivial model that every grid point of a model is measured against, on the same folds: a
 * network that does not beat it has learnt nothing worth its cost. A baseline runs as a trial of
 * the plan whose {@link Trial#gridPoint} is negative, so it is stored, resumed and exported like one.
 */
public enum Baseline {
    /** Always the most frequent class of the training folds (Weka's ZeroR). */
    MAJORITY("majority", "majority class"),
    /** The class of the nearest training sample, by Euclidean distance over its features (1-NN). */
    NEAREST("nearest", "nearest neighbour");

    private final String key;
    private final String title;

    Baseline(String key, String title) {
        this.key = key;
        this.title = title;
    }

    /** Its name in trial keys and JSON, e.g. {@code nearest}. */
    @JsonValue
    public String key() {
        return key;
    }

    /** In words, e.g. {@code nearest neighbour}. */
    public String title() {
        return title;
    }

    /** The grid point index its trials carry: -1, -2, … */
    public int gridPoint() {
        return -1 - ordinal();
    }

    /** The baseline a negative grid point index stands for, or null for a grid point of the grid. */
    public static Baseline ofGridPoint(int gridPoint) {
        int i = -1 - gridPoint;
        return gridPoint < 0 && i < values().length ? values()[i] : null;
    }

    /** How tables name a grid point: {@code g3}, or the baseline's name ({@code nearest}). */
    public static String label(int gridPoint) {
        Baseline b = ofGridPoint(gridPoint);
        return b == null ? "g" + gridPoint : b.key();
    }

    @JsonCreator
    public static Baseline of(String key) {
        for (Baseline b : values()) {
            if (b.key.equals(key.toLowerCase(Locale.ROOT))) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown baseline '" + key + "'");
    }
}
