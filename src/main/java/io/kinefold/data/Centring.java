package io.kinefold.data;

import java.util.Arrays;
import java.util.List;

/**
 * Where a frame's coordinates are measured from, and in what unit: the choice behind the
 * {@code centring} hyperparameter. Its ordinal is the value a grid holds, so the order is fixed.
 */
public enum Centring {
    /** Each frame on its own neck, in torso lengths: the pose alone, whatever the body's motion. */
    NECK("neck"),
    /**
     * Every frame on the recording's median hip midpoint, in torso lengths: motion of the body
     * relative to where the hips usually are stays visible, such as shoulders rising in a shrug.
     */
    HIP("hip"),
    /** The coordinates as recorded, pixels or [0, 1], unscaled. */
    NONE("none");

    /** The names in ordinal order, as specs and forms write them. */
    public static final List<String> NAMES = Arrays.stream(values()).map(Centring::label).toList();

    private final String label;

    Centring(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The centring a grid value names; a value that names none is refused. */
    public static Centring of(int value) {
        if (value < 0 || value >= values().length) {
            throw new IllegalArgumentException("centring: " + value + " is not one of " + NAMES);
        }
        return values()[value];
    }
}
