package io.kinefold.ui.experiment;

import io.kinefold.model.ParamDef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One hyperparameter of one model's grid as the user types it: a list of values such as
 * {@code 16, 32}, checked against its {@link ParamDef} on every change, with the reason in words.
 * A parameter with named choices is written with the names ({@code neck, hip}) and can be picked
 * one choice at a time ({@link #choiceProperties}); the text stays what the grid is read from.
 */
public final class GridField {
    private final ParamDef def;
    private final StringProperty text;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final List<BooleanProperty> chosen = new ArrayList<>();
    private List<Double> values = List.of();
    private boolean syncing;

    GridField(ParamDef def) {
        this.def = def;
        this.text = new SimpleStringProperty(this, def.name(), text(def, def.defaultValue()));
        for (int i = 0; i < def.choices().size(); i++) {
            BooleanProperty p = new SimpleBooleanProperty(this, def.choices().get(i));
            p.addListener((obs, old, now) -> choicesChanged());
            chosen.add(p);
        }
        text.addListener((obs, old, now) -> check());
        check();
    }

    /** The values of a text, or the reason they cannot be used. */
    record Parsed(List<Double> values, String error) {}

    static Parsed parse(ParamDef def, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return new Parsed(List.of(), def.label() + ": at least one value");
        }
        List<Double> values = new ArrayList<>();
        for (String part : t.split("[,;\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            double v;
            try {
                v = Double.parseDouble(part);
            } catch (NumberFormatException e) {
                Double named = def.hasChoices() ? def.valueOf(part) : null;
                if (named == null) {
                    return new Parsed(List.of(), def.label() + ": “" + part + "” is not "
                            + (def.hasChoices() ? "one of " + String.join(", ", def.choices()) : "a number"));
                }
                v = named;
            }
            if (!Double.isFinite(v)) {
                return new Parsed(List.of(), def.label() + ": “" + part + "” is not a number");
            }
            if (def.check(v) != null && def.hasChoices()) {
                return new Parsed(List.of(), def.label() + ": " + plain(v) + " is not one of " + def.choiceList());
            }
            if (def.check(v) != null) {
                boolean fraction = def.integer() && v != Math.rint(v);
                return new Parsed(List.of(), def.label() + ": " + plain(v)
                        + (fraction ? " is not a whole number" : " is outside " + range(def)));
            }
            values.add(v);
        }
        if (values.isEmpty()) {
            return new Parsed(List.of(), def.label() + ": at least one value");
        }
        Set<Double> seen = new HashSet<>();
        for (double v : values) {
            if (!seen.add(v)) {
                return new Parsed(List.of(), def.label() + ": a value is listed twice (" + text(def, v) + ")");
            }
        }
        return new Parsed(List.copyOf(values), null);
    }

    private void check() {
        Parsed parsed = parse(def, text.get());
        values = parsed.values();
        error.set(parsed.error());
        if (!syncing && parsed.error() == null) {
            syncing = true;
            for (int i = 0; i < chosen.size(); i++) {
                chosen.get(i).set(values.contains((double) i));
            }
            syncing = false;
        }
    }

    private void choicesChanged() {
        if (syncing) {
            return;
        }
        List<Double> picked = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            if (chosen.get(i).get()) {
                picked.add((double) i);
            }
        }
        syncing = true;
        text.set(format(def, picked));
        syncing = false;
    }

    /** Shows these values, or the default when there are none. */
    void show(List<Double> shown) {
        text.set(shown == null || shown.isEmpty() ? text(def, def.defaultValue()) : format(def, shown));
    }

    void reset() {
        text.set(text(def, def.defaultValue()));
    }

    public ParamDef def() {
        return def;
    }

    public String label() {
        return def.label();
    }

    /** The allowed range in words, e.g. {@code 2–1024, whole numbers}, or {@code any of neck, hip, none}. */
    public String hint() {
        if (def.hasChoices()) {
            return "any of " + String.join(", ", def.choices()) + " · default " + text(def, def.defaultValue());
        }
        return range(def) + (def.integer() ? ", whole numbers" : "") + " · default " + plain(def.defaultValue());
    }

    /**
     * For a parameter with named choices, whether each choice is in the grid, in choice order; kept
     * in step with the text both ways. Empty for a number.
     */
    public List<BooleanProperty> choiceProperties() {
        return List.copyOf(chosen);
    }

    /** The values as typed, e.g. {@code 16, 32}. */
    public StringProperty textProperty() {
        return text;
    }

    /** Why the text cannot be used, in words naming the field; null when it can. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The values of a valid text; empty while the text has a problem. */
    public List<Double> values() {
        return values;
    }

    static String range(ParamDef def) {
        return plain(def.min()) + "–" + plain(def.max());
    }

    static String format(List<Double> values) {
        return values.stream().map(GridField::plain).collect(Collectors.joining(", "));
    }

    /** Names for a parameter with choices, numbers otherwise. */
    static String format(ParamDef def, List<Double> values) {
        return values.stream().map(v -> text(def, v)).collect(Collectors.joining(", "));
    }

    private static String text(ParamDef def, double v) {
        return def.hasChoices() ? def.text(v) : plain(v);
    }

    /** {@code 0.001}, not {@code 1.0E-3}; {@code 16}, not {@code 16.0}. */
    static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
