package io.kinefold.ui.experiment;

import io.kinefold.experiment.Baseline;
import io.kinefold.data.Dataset;
import io.kinefold.data.ModelId;
import io.kinefold.exec.RunEstimate;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.ModelGrid;
import io.kinefold.kind.KindSpec;
import io.kinefold.kind.Kinds;
import io.kinefold.ui.common.AppContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the experiment view: the models of the open dataset with their grids, the spec-wide
 * fields, every field checked as the user types, the live count of grid points and trials, and
 * the estimate. Touches no control, so it is tested without a window.
 *
 * <p>Every valid change is planned against the dataset on the background executor (the planner
 * builds each model's samples to check the folds: 13–70 ms on the bundled dataset, more on a big
 * one) and the newest plan wins; the counts themselves come from the fields at once. The
 * context's spec is the planned spec, or null while anything is wrong. Files and the store are
 * read and written on the background executor too; results are applied through {@code fxThread}.
 * The spec-wide fields are in {@link SpecFields}, the planning and estimate in
 * {@link SpecPlanning}, presets and spec files in {@link SpecFiles}; this class holds the models
 * and ties the three together.
 */
public final class ExperimentViewModel {
    public static final String START_PRESET = "quick";
    public static final int MAX_FOLDS = 100;
    /** Appended to a spec's name once its models no longer are the ones it was loaded with. */
    static final String MODIFIED = " (modified)";

    private final AppContext context;
    private final SpecFields fields;
    private final SpecPlanning planning;
    private final SpecFiles files;

    private final ObservableList<ModelEntry> models = FXCollections.observableArrayList();
    private final ObjectProperty<ModelEntry> selected = new SimpleObjectProperty<>(this, "selected");

    private final ReadOnlyIntegerWrapper modelCount = new ReadOnlyIntegerWrapper(this, "modelCount");
    private final ReadOnlyIntegerWrapper gridPoints = new ReadOnlyIntegerWrapper(this, "gridPoints");
    private final ReadOnlyIntegerWrapper trials = new ReadOnlyIntegerWrapper(this, "trials");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "No dataset open");

    /** While a spec is being put into the fields: one refresh at the end instead of one per field. */
    private boolean applying;
    /** The first dataset of a session starts from the spec the last session left, if any; later ones from the preset. */
    private boolean firstDataset = true;

    /**
     * @param context the window's shared state: dataset, spec, workers, store, preferences
     * @param fxThread where changes are applied; {@code Platform::runLater} in the app
     */
    public ExperimentViewModel(AppContext context, Executor fxThread) {
        this(context, fxThread, context.background());
    }

    /** With the executor that plans and reads files; tests pass a direct one to see results at once. */
    ExperimentViewModel(AppContext context, Executor fxThread, Executor background) {
        this.context = context;
        this.fields = new SpecFields(context, this::refresh);
        this.planning = new SpecPlanning(context, fxThread, background, fields::plannedFoldsError, this::refresh);
        this.files = new SpecFiles(context, fxThread, background, this::apply, this::buildSpec, planning.problems());
        context.datasetProperty().addListener((obs, old, dataset) -> datasetChanged(dataset));
        planning.specProperty().addListener((obs, old, planned) -> files.remember(planned));
        // A run that finished is shown in Results: its trials refine the estimate.
        context.shownRunProperty().addListener(o -> planning.loadCalibration());
        datasetChanged(context.datasetProperty().get());
        planning.loadCalibration();
    }

    /** The view model of the app: updates on the FX thread, work on the context's executor. */
    public static ExperimentViewModel forApp(AppContext context) {
        return new ExperimentViewModel(context, Platform::runLater);
    }

    /**
     * A new dataset lists its own models. What the user typed carries over to every model the
     * new dataset has too (a squat model keeps its grid when another squat dataset opens); the
     * quick preset is loaded only when nothing carries over, as at the first start. When the
     * models differ, the status says which grids were kept, which models start at their
     * defaults and which were left out, and the spec's name says it is no longer what was loaded.
     * A model the dataset cannot have (pose on one exercise) is listed off, with its reason.
     */
    private void datasetChanged(Dataset dataset) {
        Map<ModelId, Boolean> wasEnabled = new HashMap<>();
        Map<ModelId, Map<String, String>> typed = new HashMap<>();
        for (ModelEntry entry : models) {
            if (!entry.available()) {
                continue; // it was off only because that dataset could not have it: new on the next one
            }
            wasEnabled.put(entry.id(), entry.enabledProperty().get());
            Map<String, String> texts = new HashMap<>();
            entry.fields().forEach(f -> texts.put(f.def().name(), f.textProperty().get()));
            typed.put(entry.id(), texts);
        }
        boolean carried = false;
        List<String> kept = new ArrayList<>();
        List<String> reset = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        applying = true;
        try {
            List<ModelEntry> entries = new ArrayList<>();
            if (dataset != null) {
                for (ModelId id : Kinds.models(dataset)) {
                    ModelEntry entry = new ModelEntry(id, Kinds.of(id).refusal(dataset.exercises()));
                    if (!entry.available()) {
                        refused.add(id.toString());
                    } else if (typed.containsKey(id)) {
                        entry.enabledProperty().set(wasEnabled.get(id));
                        entry.fields().forEach(f -> f.textProperty().set(typed.get(id).get(f.def().name())));
                        carried |= wasEnabled.get(id);
                        if (wasEnabled.get(id)) {
                            kept.add(id.toString());
                        }
                    } else {
                        reset.add(id.toString());
                    }
                    entry.enabledProperty().addListener((obs, old, now) -> {
                        if (now && !entry.available()) {
                            entry.enabledProperty().set(false); // the dataset cannot have it: nothing to turn on
                        } else {
                            refresh();
                        }
                    });
                    entry.fields().forEach(f -> f.textProperty().addListener((obs, old, now) -> refresh()));
                    entries.add(entry);
                }
            }
            models.setAll(entries);
            selected.set(entries.stream().filter(ModelEntry::available).findFirst()
                    .orElse(entries.isEmpty() ? null : entries.get(0)));
        } finally {
            applying = false;
        }
        List<String> leftOut = wasEnabled.entrySet().stream()
                .filter(e -> e.getValue() && models.stream().noneMatch(m -> m.id().equals(e.getKey())))
                .map(e -> e.getKey().toString()).sorted().toList();
        if (dataset != null && carried && (!reset.isEmpty() || !leftOut.isEmpty() || !refused.isEmpty())) {
            fields.nameProperty().set(modifiedName(fields.nameProperty().get()));
        }
        // Read before the refresh below plans the bare defaults, which would be remembered in its place.
        String remembered = firstDataset && dataset != null && !carried ? files.remembered() : null;
        firstDataset &= dataset == null;
        refresh();
        if (remembered != null) {
            files.loadRemembered(remembered).thenRun(() -> {
                if (models.stream().noneMatch(e -> e.enabledProperty().get())) {
                    loadPreset(START_PRESET); // the last spec had no model this dataset can have
                }
            });
        } else if (dataset != null && !carried) {
            // So that the app is ready to run something as soon as a dataset is open.
            loadPreset(START_PRESET);
        } else if (carried) {
            files.setStatus(changeInWords(dataset, kept, reset, leftOut, refused));
        }
    }

    /** What a change of dataset did to the form, e.g. {@code On squats: kept the grids of start:squat; …}. */
    static String changeInWords(Dataset dataset, List<String> kept, List<String> reset, List<String> leftOut,
                                List<String> refused) {
        List<String> parts = new ArrayList<>();
        parts.add("kept the grids of " + String.join(", ", kept));
        if (!reset.isEmpty()) {
            parts.add("new here, at their defaults (one point each): " + String.join(", ", reset));
        }
        if (!leftOut.isEmpty()) {
            parts.add("left out, not in this dataset: " + String.join(", ", leftOut));
        }
        for (String id : refused) {
            parts.add(id + " is off: this dataset cannot have it");
        }
        return "On " + dataset.name() + ": " + String.join("; ", parts);
    }

    /** The spec's name marked as changed since it was loaded, once: {@code quick (modified)}. */
    static String modifiedName(String name) {
        String base = name == null ? "" : name.strip();
        if (base.endsWith(MODIFIED)) {
            return base;
        }
        return (base.isEmpty() ? "experiment" : base) + MODIFIED;
    }

    // ---- loading and saving ----

    /** Puts a bundled preset into the form; the future completes once it is applied. */
    public CompletableFuture<Void> loadPreset(String preset) {
        return files.loadPreset(preset);
    }

    /** Reads a spec file into the form, in the background. */
    public CompletableFuture<Void> open(Path file) {
        return files.open(file);
    }

    /**
     * Puts a spec into the fields: its models enabled with their grids ({@code start:*} and
     * {@code rep:*} on every exercise), the others disabled at their defaults.
     *
     * @return what could not be taken over, in words
     */
    List<String> apply(ExperimentSpec loaded, String what) {
        List<String> notes = new ArrayList<>();
        applying = true;
        try {
            fields.show(loaded);
            for (ModelEntry entry : models) {
                entry.enabledProperty().set(false);
                entry.fields().forEach(GridField::reset);
            }
            for (ModelGrid grid : loaded.models()) {
                List<ModelEntry> targets = targets(grid.model().strip());
                if (targets.isEmpty()) {
                    notes.add(grid.model() + " is not a model of this dataset, left out");
                    continue;
                }
                for (ModelEntry entry : targets) {
                    if (!entry.available()) {
                        notes.add(entry.title() + " left out: " + entry.refusal());
                        continue;
                    }
                    entry.enabledProperty().set(true);
                    grid.grid().forEach((param, values) -> entry.field(param).ifPresent(f -> f.show(values)));
                }
                grid.grid().keySet().stream()
                        .filter(param -> targets.get(0).field(param).isEmpty())
                        .forEach(param -> notes.add(grid.model() + ": unknown hyperparameter “" + param + "”, left out"));
            }
        } finally {
            applying = false;
        }
        refresh();
        return notes;
    }

    private List<ModelEntry> targets(String model) {
        Optional<KindSpec> everyExercise = Kinds.wildcard(model);
        if (everyExercise.isPresent()) {
            return models.stream().filter(e -> e.kind().equals(everyExercise.get().kind())).toList();
        }
        try {
            ModelId id = ModelId.parse(model);
            return models.stream().filter(e -> e.id().equals(id)).toList();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /**
     * Writes the spec of the fields to a file, whole or not at all; {@code .json} is added to a
     * name without an extension. The future completes with the file written, or null.
     */
    public CompletableFuture<Path> save(Path file) {
        return files.save(file);
    }

    /** Where spec files were last opened or saved, for the file chooser. */
    public Optional<Path> lastFolder() {
        return files.lastFolder();
    }

    /** Gives every other model of the same kind this model's grid; returns how many changed. */
    public int copyGridToKind(ModelEntry source) {
        int copied = 0;
        applying = true;
        try {
            for (ModelEntry entry : models) {
                if (entry != source && entry.kind() == source.kind() && entry.available()) {
                    for (GridField f : source.fields()) {
                        entry.field(f.def().name()).ifPresent(g -> g.textProperty().set(f.textProperty().get()));
                    }
                    copied++;
                }
            }
        } finally {
            applying = false;
        }
        refresh();
        files.setStatus(copied == 0 ? "No other " + ModelEntry.kindTitle(source.kind()).toLowerCase() + " model to copy to"
                : "Copied the grid of " + source.title() + " to " + copied + " other " + source.kind().name() + " model"
                        + (copied == 1 ? "" : "s"));
        return copied;
    }

    // ---- checking as the user types ----

    private void refresh() {
        if (applying) {
            return;
        }
        SpecFields.Checked checked = fields.check();
        Integer foldCount = checked.folds();

        List<String> found = new ArrayList<>();
        int enabled = 0;
        int points = 0;
        for (ModelEntry entry : models) {
            String fieldError = entry.firstError();
            int n = entry.gridPoints();
            if (!entry.available()) {
                entry.setCountText(ModelEntry.UNAVAILABLE);
                continue;
            }
            if (!entry.enabledProperty().get()) {
                entry.setCountText("off");
                continue;
            }
            enabled++;
            points += n;
            if (fieldError != null) {
                found.add(entry.title() + " · " + fieldError);
                entry.setCountText(ModelEntry.INVALID);
            } else {
                entry.setCountText(n + (n == 1 ? " point" : " points")
                        + (foldCount == null ? "" : " · " + n * foldCount + " trials"));
            }
        }
        found.addAll(fields.errors());
        Dataset dataset = context.datasetProperty().get();
        if (dataset == null) {
            found.add(0, "Open a dataset in the Dataset tab to design an experiment on it");
        } else if (enabled == 0) {
            found.add(0, "Choose at least one model");
        }
        modelCount.set(enabled);
        gridPoints.set(points);
        // Every model's baselines run on the same folds, as cheap trials of the plan.
        int baselineTrials = foldCount == null ? 0 : enabled * Baseline.values().length * foldCount;
        trials.set(foldCount == null ? 0 : points * foldCount + baselineTrials);
        summary.set(plural(enabled, "model") + " · " + plural(points, "grid point") + " · "
                + (foldCount == null ? "? trials" : plural(trials.get(), "trial") + " (" + baselineTrials + " of baselines)"));

        planning.replan(found, () -> new ExperimentSpec(ExperimentSpec.FORMAT, fields.nameProperty().get().strip(),
                dataset.root().toString(), foldCount, checked.seed(), checked.stopping(), grids()),
                dataset, fields.workersProperty().get());
    }

    private List<ModelGrid> grids() {
        List<ModelGrid> grids = new ArrayList<>();
        for (ModelEntry entry : models) {
            if (entry.enabledProperty().get()) {
                grids.add(new ModelGrid(entry.title(), entry.grid()));
            }
        }
        return grids;
    }

    /** The spec of the fields when every field is valid, planned or not. */
    Optional<ExperimentSpec> buildSpec() {
        Dataset dataset = context.datasetProperty().get();
        boolean fieldsValid = models.stream().noneMatch(e -> e.enabledProperty().get() && e.firstError() != null)
                && fields.valid() && models.stream().anyMatch(e -> e.enabledProperty().get());
        if (!fieldsValid) {
            return Optional.empty();
        }
        return Optional.of(fields.spec(dataset == null ? null : dataset.root().toString(), grids()));
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** Uses these figures for the estimate; for tests. */
    void useCalibration(RunEstimate.Calibration figures) {
        planning.useCalibration(figures);
    }

    // ---- properties ----

    /** One entry per model of the open dataset: pose, then start and rep of each exercise. */
    public ObservableList<ModelEntry> models() { return models; }
    /** The model whose grid the form shows. */
    public ObjectProperty<ModelEntry> selectedProperty() { return selected; }
    public StringProperty nameProperty() { return fields.nameProperty(); }
    public StringProperty foldsProperty() { return fields.foldsProperty(); }
    public StringProperty seedProperty() { return fields.seedProperty(); }
    public BooleanProperty earlyStoppingProperty() { return fields.earlyStoppingProperty(); }
    public StringProperty patienceProperty() { return fields.patienceProperty(); }
    public StringProperty validationFractionProperty() { return fields.validationFractionProperty(); }
    /** Bound both ways to the context's worker text, which the Run view shares. */
    public StringProperty workersProperty() { return fields.workersProperty(); }
    public ReadOnlyStringProperty nameErrorProperty() { return fields.nameErrorProperty(); }
    /** Also the planner's: more folds than subjects with some class. */
    public ReadOnlyStringProperty foldsErrorProperty() { return fields.foldsErrorProperty(); }
    public ReadOnlyStringProperty seedErrorProperty() { return fields.seedErrorProperty(); }
    public ReadOnlyStringProperty patienceErrorProperty() { return fields.patienceErrorProperty(); }
    public ReadOnlyStringProperty validationFractionErrorProperty() { return fields.validationFractionErrorProperty(); }
    public ReadOnlyStringProperty workersErrorProperty() { return fields.workersErrorProperty(); }
    /** Models enabled. */
    public ReadOnlyIntegerProperty modelCountProperty() { return modelCount.getReadOnlyProperty(); }
    /** Grid points of the enabled models. */
    public ReadOnlyIntegerProperty gridPointsProperty() { return gridPoints.getReadOnlyProperty(); }
    /** Grid points times folds; 0 while the folds are not a number. */
    public ReadOnlyIntegerProperty trialsProperty() { return trials.getReadOnlyProperty(); }
    /** E.g. {@code 9 models · 18 grid points · 54 trials}. */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    /** Time and memory in words, see {@link RunEstimate#describe()}; empty while the spec has a problem. */
    public ReadOnlyStringProperty estimateProperty() { return planning.estimateProperty(); }
    /** Everything that keeps the spec from running, in words naming the field; empty when it can run. */
    public ObservableList<String> problems() { return planning.problems(); }
    /** The planned spec, also in the context; null while anything is wrong or planning is under way. */
    public ReadOnlyObjectProperty<ExperimentSpec> specProperty() { return planning.specProperty(); }
    /** A file or preset is being read or written. */
    public ReadOnlyBooleanProperty busyProperty() { return files.busyProperty(); }
    /** What was last loaded or saved, with notes on what could not be taken over. */
    public ReadOnlyStringProperty statusProperty() { return files.statusProperty(); }
    /** A file that could not be read or written, in plain words naming it; null when none. */
    public ReadOnlyStringProperty errorProperty() { return files.errorProperty(); }
}
