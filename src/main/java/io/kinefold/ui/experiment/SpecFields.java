package io.kinefold.ui.experiment;

import io.kinefold.exec.WorkerCount;
import io.kinefold.experiment.EarlyStopping;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.ModelGrid;
import io.kinefold.ui.common.AppContext;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The spec-wide fields of the experiment form (name, folds, seed, early stopping, workers) and
 * their checks in words. Kept apart from {@link ExperimentViewModel} so that the view model holds
 * the models and how the pieces work together, not every field's rule; touches no control.
 */
final class SpecFields {
    private final StringProperty name = new SimpleStringProperty(this, "name", ExperimentViewModel.START_PRESET);
    private final StringProperty folds = new SimpleStringProperty(this, "folds", "3");
    private final StringProperty seed = new SimpleStringProperty(this, "seed", "1");
    private final BooleanProperty earlyStopping = new SimpleBooleanProperty(this, "earlyStopping");
    private final StringProperty patience = new SimpleStringProperty(this, "patience", "3");
    private final StringProperty validationFraction = new SimpleStringProperty(this, "validationFraction", "0.2");
    private final StringProperty workers = new SimpleStringProperty(this, "workers", "auto");

    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper(this, "nameError");
    private final ReadOnlyStringWrapper foldsError = new ReadOnlyStringWrapper(this, "foldsError");
    private final ReadOnlyStringWrapper seedError = new ReadOnlyStringWrapper(this, "seedError");
    private final ReadOnlyStringWrapper patienceError = new ReadOnlyStringWrapper(this, "patienceError");
    private final ReadOnlyStringWrapper validationFractionError = new ReadOnlyStringWrapper(this, "validationFractionError");
    private final ReadOnlyStringWrapper workersError = new ReadOnlyStringWrapper(this, "workersError");

    /** The fields as numbers after a check; a value is null while its field has a problem. */
    record Checked(Integer folds, Long seed, EarlyStopping stopping) {}

    /**
     * @param context whose worker text the workers field shares both ways
     * @param changed called on every change of a field
     */
    SpecFields(AppContext context, Runnable changed) {
        name.addListener((obs, old, now) -> changed.run());
        folds.addListener((obs, old, now) -> changed.run());
        seed.addListener((obs, old, now) -> changed.run());
        earlyStopping.addListener((obs, old, now) -> changed.run());
        patience.addListener((obs, old, now) -> changed.run());
        validationFraction.addListener((obs, old, now) -> changed.run());
        workers.bindBidirectional(context.workersProperty());
        workers.addListener((obs, old, now) -> changed.run());
    }

    /** Checks every field, setting or clearing its error. */
    Checked check() {
        nameError.set(name.get() == null || name.get().isBlank() ? "Name: give the experiment a short name" : null);
        Integer foldCount = wholeNumber(folds.get(), "Folds", 2, ExperimentViewModel.MAX_FOLDS, foldsError);
        Long seedValue = null;
        try {
            seedValue = Long.parseLong(seed.get().strip());
            seedError.set(null);
        } catch (NumberFormatException | NullPointerException e) {
            seedError.set("Seed: “" + String.valueOf(seed.get()).strip() + "” is not a whole number");
        }
        EarlyStopping stopping = null;
        patienceError.set(null);
        validationFractionError.set(null);
        if (earlyStopping.get()) {
            Integer p = wholeNumber(patience.get(), "Patience", 1, 1000, patienceError);
            Double fraction = fraction(validationFraction.get());
            if (p != null && fraction != null) {
                stopping = new EarlyStopping(p, fraction);
            }
        }
        String problem = WorkerCount.problem(workers.get());
        workersError.set(problem == null ? null : "Workers: " + problem);
        return new Checked(foldCount, seedValue, stopping);
    }

    /** The errors that keep the spec from being built, in the order the form shows them; workers not among them. */
    List<String> errors() {
        List<String> found = new ArrayList<>();
        for (var e : List.of(nameError, foldsError, seedError, patienceError, validationFractionError)) {
            if (e.get() != null) {
                found.add(e.get());
            }
        }
        return found;
    }

    /** Whether the fields, as last checked, make a spec; the folds are checked again. */
    boolean valid() {
        return nameError.get() == null && seedError.get() == null && patienceError.get() == null
                && validationFractionError.get() == null
                && wholeNumber(folds.get(), "Folds", 2, ExperimentViewModel.MAX_FOLDS, null) != null;
    }

    /** The spec of these fields with these grids; only when {@link #valid()}. */
    ExperimentSpec spec(String dataset, List<ModelGrid> grids) {
        EarlyStopping stopping = earlyStopping.get()
                ? new EarlyStopping(Integer.parseInt(patience.get().strip()), Double.parseDouble(validationFraction.get().strip()))
                : null;
        return new ExperimentSpec(ExperimentSpec.FORMAT, name.get().strip(), dataset, Integer.parseInt(folds.get().strip()),
                Long.parseLong(seed.get().strip()), stopping, grids);
    }

    /** Puts a spec's name, folds, seed and early stopping into the fields; the patience and fraction stay without it. */
    void show(ExperimentSpec loaded) {
        name.set(loaded.name());
        folds.set(Integer.toString(loaded.folds()));
        seed.set(Long.toString(loaded.seed()));
        earlyStopping.set(loaded.earlyStopping() != null);
        if (loaded.earlyStopping() != null) {
            patience.set(Integer.toString(loaded.earlyStopping().patience()));
            validationFraction.set(GridField.plain(loaded.earlyStopping().validationFraction()));
        }
    }

    /** The planner's word on the folds (more than the subjects of a class), or null when it planned. */
    void plannedFoldsError(String problem) {
        foldsError.set(problem);
    }

    private static Integer wholeNumber(String text, String field, int min, int max, ReadOnlyStringWrapper error) {
        String t = text == null ? "" : text.strip();
        String problem = null;
        Integer value = null;
        try {
            int n = Integer.parseInt(t);
            if (n < min) {
                problem = field + ": at least " + min + (min == 2 ? " are" : " is") + " needed";
            } else if (n > max) {
                problem = field + ": " + n + " is more than " + max;
            } else {
                value = n;
            }
        } catch (NumberFormatException e) {
            problem = t.isEmpty() ? field + ": a whole number is needed" : field + ": “" + t + "” is not a whole number";
        }
        if (error != null) {
            error.set(problem);
        }
        return value;
    }

    private Double fraction(String text) {
        String t = text == null ? "" : text.strip();
        try {
            double v = Double.parseDouble(t);
            if (v > 0 && v < 0.5) {
                return v;
            }
            validationFractionError.set("Validation fraction: " + t + " is outside 0–0.5 (both excluded)");
        } catch (NumberFormatException e) {
            validationFractionError.set("Validation fraction: “" + t + "” is not a number");
        }
        return null;
    }

    StringProperty nameProperty() { return name; }
    StringProperty foldsProperty() { return folds; }
    StringProperty seedProperty() { return seed; }
    BooleanProperty earlyStoppingProperty() { return earlyStopping; }
    StringProperty patienceProperty() { return patience; }
    StringProperty validationFractionProperty() { return validationFraction; }
    StringProperty workersProperty() { return workers; }
    ReadOnlyStringProperty nameErrorProperty() { return nameError.getReadOnlyProperty(); }
    ReadOnlyStringProperty foldsErrorProperty() { return foldsError.getReadOnlyProperty(); }
    ReadOnlyStringProperty seedErrorProperty() { return seedError.getReadOnlyProperty(); }
    ReadOnlyStringProperty patienceErrorProperty() { return patienceError.getReadOnlyProperty(); }
    ReadOnlyStringProperty validationFractionErrorProperty() { return validationFractionError.getReadOnlyProperty(); }
    ReadOnlyStringProperty workersErrorProperty() { return workersError.getReadOnlyProperty(); }
}
