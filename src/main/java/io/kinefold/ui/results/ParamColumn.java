package io.kinefold.ui.results;

import io.kinefold.model.ParamDef;
import java.util.List;

/**
 * A hyperparameter column of the grid-point table.
 *
 * @param name key in the grid point's params
 * @param label header for people, e.g. {@code Units per layer}
 * @param choices the names of its values when it picks one of named choices, else empty
 */
public record ParamColumn(String name, String label, List<String> choices) {
    public ParamColumn {
        choices = List.copyOf(choices);
    }

    /** A hyperparameter no registered kind declares: shown by its key, as a number. */
    public ParamColumn(String name, String label) {
        this(name, label, List.of());
    }

    static ParamColumn of(ParamDef def) {
        return new ParamColumn(def.name(), def.label(), def.choices());
    }

    /** A value as people read it: a choice's name, else the number as {@code plain} writes it. */
    String text(double value) {
        boolean named = value == Math.rint(value) && value >= 0 && value < choices.size();
        return named ? choices.get((int) value) : ResultsViewModel.plain(value);
    }
}
