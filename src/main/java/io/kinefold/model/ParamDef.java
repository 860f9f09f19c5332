package io.kinefold.model;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The declaration of one hyperparameter: what forms, validation and documentation are made from.
 *
 * @param name key in specs and results, e.g. {@code learningRate}
 * @param label short human name for form fields and table headers
 * @param description one sentence for tooltips and help
 * @param defaultValue the value a new grid starts with
 * @param min smallest allowed value, inclusive
 * @param max largest allowed value, inclusive
 * @param integer whether only whole numbers are allowed
 * @param choices for a parameter that picks one of a few named options, their names by value
 *     ({@code 0 = neck, 1 = hip, …}); empty for a number
 */
public record ParamDef(String name, String label, String description, double defaultValue, double min, double max, boolean integer,
                       List<String> choices) {

    public ParamDef {
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (!choices.isEmpty() && (!integer || min != 0 || max != choices.size() - 1)) {
            throw new IllegalArgumentException(name + ": a choice takes the whole numbers 0–" + (choices.size() - 1));
        }
    }

    /** A number. */
    public ParamDef(String name, String label, String description, double defaultValue, double min, double max, boolean integer) {
        this(name, label, description, defaultValue, min, max, integer, List.of());
    }

    /** One of a few named options, held as its index in {@code choices}. */
    public static ParamDef choice(String name, String label, String description, int defaultValue, List<String> choices) {
        return new ParamDef(name, label, description, defaultValue, 0, choices.size() - 1, true, choices);
    }

    /** Off (0) or on (1), off by default. */
    public static ParamDef flag(String name, String label, String description) {
        return choice(name, label, description, 0, List.of("off", "on"));
    }

    public boolean hasChoices() {
        return !choices.isEmpty();
    }

    /** Why a value is refused, or null when it is allowed. */
    public String check(double value) {
        if (!Double.isFinite(value)) {
            return name + ": " + value + " is not a number";
        }
        if (hasChoices() && (value != Math.rint(value) || value < min || value > max)) {
            return name + ": " + format(value) + " is not one of " + choiceList();
        }
        if (integer && value != Math.rint(value)) {
            return name + ": " + format(value) + " is not a whole number";
        }
        if (value < min || value > max) {
            return name + ": " + format(value) + " is outside " + format(min) + "–" + format(max);
        }
        return null;
    }

    /** The value a choice's name stands for (case ignored), or null when it names none. */
    public Double valueOf(String choice) {
        String wanted = choice.strip().toLowerCase(Locale.ROOT);
        int i = choices.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList().indexOf(wanted);
        return i < 0 ? null : (double) i;
    }

    /** A value as people read it: the choice's name, or the number. */
    public String text(double value) {
        if (hasChoices() && value == Math.rint(value) && value >= 0 && value < choices.size()) {
            return choices.get((int) value);
        }
        return format(value);
    }

    /** The choices with their values, e.g. {@code 0 = neck, 1 = hip, 2 = none}. */
    public String choiceList() {
        return IntStream.range(0, choices.size()).mapToObj(i -> i + " = " + choices.get(i)).collect(Collectors.joining(", "));
    }

    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
