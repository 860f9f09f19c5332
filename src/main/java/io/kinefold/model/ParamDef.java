package io.kinefold.model;

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
 */
public record ParamDef(String name, String label, String description, double defaultValue, double min, double max, boolean integer) {

    /** Why a value is refused, or null when it is allowed. */
    public String check(double value) {
        if (!Double.isFinite(value)) {
            return name + ": " + value + " is not a number";
        }
        if (integer && value != Math.rint(value)) {
            return name + ": " + format(value) + " is not a whole number";
        }
        if (value < min || value > max) {
            return name + ": " + format(value) + " is outside " + format(min) + "–" + format(max);
        }
        return null;
    }

    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
