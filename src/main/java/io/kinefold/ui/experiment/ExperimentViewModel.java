package io.kinefold.ui.experiment;

import io.kinefold.data.Dataset;
import io.kinefold.data.ModelId;
import io.kinefold.data.ModelKind;
import io.kinefold.data.Samples;
import io.kinefold.exec.RunEstimate;
import io.kinefold.exec.WorkerCount;
import io.kinefold.experiment.EarlyStopping;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.ModelGrid;
import io.kinefold.experiment.Plan;
import io.kinefold.experiment.Planner;
import io.kinefold.experiment.SpecException;
import io.kinefold.experiment.SpecIo;
import io.kinefold.report.SpecFile;
import io.kinefold.store.Store;
import io.kinefold.store.StoreException;
import io.kinefold.ui.common.AppContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
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
 */
public final class ExperimentViewModel {
    public static final List<String> PRESETS = List.of("quick", "article");
    public static final String START_PRESET = "quick";
    public static final int MAX_FOLDS = 100;
    static final String LAST_FOLDER_KEY = "lastSpecFolder";
    /** Stored trials read for the calibration: enough for a stable median, few enough to read at once. */
    static final int CALIBRATION_TRIALS = 5000;

    private final AppContext context;
    private final Executor fxThread;
    private final Executor background;

    private final ObservableList<ModelEntry> models = FXCollections.observableArrayList();
    private final ObjectProperty<ModelEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty name = new SimpleStringProperty(this, "name", START_PRESET);
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

    private final ReadOnlyIntegerWrapper modelCount = new ReadOnlyIntegerWrapper(this, "modelCount");
    private final ReadOnlyIntegerWrapper gridPoints = new ReadOnlyIntegerWrapper(this, "gridPoints");
    private final ReadOnlyIntegerWrapper trials = new ReadOnlyIntegerWrapper(this, "trials");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "No dataset open");
    private final ReadOnlyStringWrapper estimate = new ReadOnlyStringWrapper(this, "estimate", "");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ExperimentSpec> spec = new ReadOnlyObjectWrapper<>(this, "spec");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    /** While a spec is being put into the fields: one refresh at the end instead of one per field. */
    private boolean applying;
    /** The newest planning asked for; an older one that finishes later is dropped. */
    private long planSequence;
    private volatile RunEstimate.Calibration calibration = RunEstimate.Calibration.defaults();
    private volatile SampleCounts sampleCounts;

    private record SampleCounts(Dataset dataset, Map<ModelId, Integer> counts) {}

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
        this.fxThread = fxThread;
        this.background = background;
        name.addListener((obs, old, now) -> refresh());
        folds.addListener((obs, old, now) -> refresh());
        seed.addListener((obs, old, now) -> refresh());
        earlyStopping.addListener((obs, old, now) -> refresh());
        patience.addListener((obs, old, now) -> refresh());
        validationFraction.addListener((obs, old, now) -> refresh());
        workers.bindBidirectional(context.workersProperty());
        workers.addListener((obs, old, now) -> refresh());
        context.datasetProperty().addListener((obs, old, dataset) -> datasetChanged(dataset));
        // A run that finished is shown in Results: its trials refine the estimate.
        context.shownRunProperty().addListener(o -> loadCalibration());
        datasetChanged(context.datasetProperty().get());
        loadCalibration();
    }

    /** The view model of the app: updates on the FX thread, work on the context's executor. */
    public static ExperimentViewModel forApp(AppContext context) {
        return new ExperimentViewModel(context, Platform::runLater);
    }

    /**
     * A new dataset lists its own models. What the user typed carries over to every model the
     * new dataset has too (a squat model keeps its grid when another squat dataset opens); the
     * quick preset is loaded only when nothing carries over, as at the first start.
     */
    private void datasetChanged(Dataset dataset) {
        Map<ModelId, Boolean> wasEnabled = new HashMap<>();
        Map<ModelId, Map<String, String>> typed = new HashMap<>();
        for (ModelEntry entry : models) {
            wasEnabled.put(entry.id(), entry.enabledProperty().get());
            Map<String, String> texts = new HashMap<>();
            entry.fields().forEach(f -> texts.put(f.def().name(), f.textProperty().get()));
            typed.put(entry.id(), texts);
        }
        boolean carried = false;
        applying = true;
        try {
            List<ModelEntry> entries = new ArrayList<>();
            if (dataset != null) {
                for (ModelId id : dataset.models()) {
                    ModelEntry entry = new ModelEntry(id);
                    if (typed.containsKey(id)) {
                        entry.enabledProperty().set(wasEnabled.get(id));
                        entry.fields().forEach(f -> f.textProperty().set(typed.get(id).get(f.def().name())));
                        carried |= wasEnabled.get(id);
                    }
                    entry.enabledProperty().addListener((obs, old, now) -> refresh());
                    entry.fields().forEach(f -> f.textProperty().addListener((obs, old, now) -> refresh()));
                    entries.add(entry);
                }
            }
            models.setAll(entries);
            selected.set(entries.isEmpty() ? null : entries.get(0));
        } finally {
            applying = false;
        }
        refresh();
        if (dataset != null && !carried) {
            // So that the app is ready to run something as soon as a dataset is open.
            loadPreset(START_PRESET);
        } else if (carried) {
            status.set("Kept the grids of the models " + dataset.name() + " has too");
        }
    }

    // ---- loading and saving ----

    /** Puts a bundled preset into the form; the future completes once it is applied. */
    public CompletableFuture<Void> loadPreset(String preset) {
        return load(() -> SpecIo.readResource(preset), "preset " + preset, null);
    }

    /** Reads a spec file into the form, in the background. */
    public CompletableFuture<Void> open(Path file) {
        return load(() -> SpecIo.read(file), file.getFileName().toString(), file);
    }

    private interface SpecSource {
        ExperimentSpec read() throws SpecException;
    }

    private CompletableFuture<Void> load(SpecSource source, String what, Path file) {
        CompletableFuture<Void> applied = new CompletableFuture<>();
        busy.set(true);
        background.execute(() -> {
            Runnable apply;
            try {
                ExperimentSpec read = source.read();
                apply = () -> {
                    List<String> notes = apply(read, what);
                    if (file != null) {
                        notes.addAll(0, datasetNote(read));
                        rememberFolder(file);
                    }
                    status.set("Loaded " + what + (notes.isEmpty() ? "" : " — " + String.join("; ", notes)));
                    error.set(null);
                };
            } catch (SpecException e) {
                apply = () -> error.set("Could not load " + what + ": " + String.join("; ", e.problems()));
            } catch (RuntimeException e) {
                apply = () -> error.set("Could not load " + what + ": " + e.getMessage());
            }
            Runnable finalApply = apply;
            fxThread.execute(() -> {
                try {
                    finalApply.run();
                } finally {
                    busy.set(false);
                    applied.complete(null);
                }
            });
        });
        return applied;
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
            name.set(loaded.name());
            folds.set(Integer.toString(loaded.folds()));
            seed.set(Long.toString(loaded.seed()));
            earlyStopping.set(loaded.earlyStopping() != null);
            if (loaded.earlyStopping() != null) {
                patience.set(Integer.toString(loaded.earlyStopping().patience()));
                validationFraction.set(GridField.plain(loaded.earlyStopping().validationFraction()));
            }
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
        if (model.equals("start:*") || model.equals("rep:*")) {
            ModelKind kind = model.startsWith("start") ? ModelKind.START : ModelKind.REP;
            return models.stream().filter(e -> e.kind() == kind).toList();
        }
        try {
            ModelId id = ModelId.parse(model);
            return models.stream().filter(e -> e.id().equals(id)).toList();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private List<String> datasetNote(ExperimentSpec loaded) {
        Dataset dataset = context.datasetProperty().get();
        if (loaded.dataset() == null || dataset == null) {
            return new ArrayList<>();
        }
        Path made = Path.of(loaded.dataset()).toAbsolutePath().normalize();
        if (made.equals(dataset.root().toAbsolutePath().normalize())) {
            return new ArrayList<>();
        }
        return new ArrayList<>(List.of("made for " + loaded.dataset() + ", designed here for the open dataset "
                + dataset.name()));
    }

    /**
     * Writes the spec of the fields to a file, whole or not at all; {@code .json} is added to a
     * name without an extension. The future completes with the file written, or null.
     */
    public CompletableFuture<Path> save(Path file) {
        CompletableFuture<Path> saved = new CompletableFuture<>();
        ExperimentSpec toSave = buildSpec().orElse(null);
        if (toSave == null) {
            error.set("Nothing saved: " + (problems.isEmpty() ? "the form is incomplete" : problems.get(0)));
            saved.complete(null);
            return saved;
        }
        String fileName = file.getFileName().toString();
        Path target = fileName.contains(".") ? file : file.resolveSibling(fileName + ".json");
        busy.set(true);
        background.execute(() -> {
            Runnable apply;
            try {
                SpecFile.write(toSave, target);
                apply = () -> {
                    status.set("Saved " + target.getFileName() + " in " + target.toAbsolutePath().getParent());
                    error.set(null);
                    rememberFolder(target);
                    saved.complete(target);
                };
            } catch (IOException | RuntimeException e) {
                apply = () -> {
                    error.set("Could not save " + target + ": " + e.getMessage());
                    saved.complete(null);
                };
            }
            Runnable finalApply = apply;
            fxThread.execute(() -> {
                busy.set(false);
                finalApply.run();
            });
        });
        return saved;
    }

    /** Where spec files were last opened or saved, for the file chooser. */
    public Optional<Path> lastFolder() {
        Preferences preferences = context.preferences();
        String last = preferences == null ? null : preferences.get(LAST_FOLDER_KEY, null);
        return last != null && Files.isDirectory(Path.of(last)) ? Optional.of(Path.of(last)) : Optional.empty();
    }

    private void rememberFolder(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (context.preferences() != null && folder != null) {
            context.preferences().put(LAST_FOLDER_KEY, folder.toString());
        }
    }

    /** Gives every other model of the same kind this model's grid; returns how many changed. */
    public int copyGridToKind(ModelEntry source) {
        int copied = 0;
        applying = true;
        try {
            for (ModelEntry entry : models) {
                if (entry != source && entry.kind() == source.kind()) {
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
        status.set(copied == 0 ? "No other " + ModelEntry.kindTitle(source.kind()).toLowerCase() + " model to copy to"
                : "Copied the grid of " + source.title() + " to " + copied + " other " + source.kind().prefix() + " model"
                        + (copied == 1 ? "" : "s"));
        return copied;
    }

    // ---- checking as the user types ----

    private void refresh() {
        if (applying) {
            return;
        }
        nameError.set(name.get() == null || name.get().isBlank() ? "Name: give the experiment a short name" : null);
        Integer foldCount = wholeNumber(folds.get(), "Folds", 2, MAX_FOLDS, foldsError);
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

        List<String> found = new ArrayList<>();
        int enabled = 0;
        int points = 0;
        for (ModelEntry entry : models) {
            String fieldError = entry.firstError();
            int n = entry.gridPoints();
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
        for (var e : List.of(nameError, foldsError, seedError, patienceError, validationFractionError)) {
            if (e.get() != null) {
                found.add(e.get());
            }
        }
        Dataset dataset = context.datasetProperty().get();
        if (dataset == null) {
            found.add(0, "Open a dataset in the Dataset tab to design an experiment on it");
        } else if (enabled == 0) {
            found.add(0, "Choose at least one model");
        }
        modelCount.set(enabled);
        gridPoints.set(points);
        trials.set(foldCount == null ? 0 : points * foldCount);
        summary.set(plural(enabled, "model") + " · " + plural(points, "grid point") + " · "
                + (foldCount == null ? "? trials" : plural(trials.get(), "trial")));

        long sequence = ++planSequence;
        spec.set(null);
        context.specProperty().set(null);
        if (!found.isEmpty()) {
            problems.setAll(found);
            estimate.set("");
            return;
        }
        problems.clear();
        estimate.set("Estimating…");
        ExperimentSpec built = new ExperimentSpec(ExperimentSpec.FORMAT, name.get().strip(), dataset.root().toString(),
                foldCount, seedValue, stopping, grids());
        String workersText = workers.get();
        RunEstimate.Calibration calibrationNow = calibration;
        background.execute(() -> plan(sequence, built, dataset, workersText, calibrationNow));
    }

    private void plan(long sequence, ExperimentSpec built, Dataset dataset, String workersText,
                      RunEstimate.Calibration calibrationNow) {
        Runnable apply;
        try {
            Plan plan = Planner.plan(built, dataset);
            Map<ModelId, Integer> counts = counts(dataset);
            int n = WorkerCount.problem(workersText) == null ? WorkerCount.parse(workersText).workers() : 1;
            RunEstimate e = RunEstimate.of(plan, id -> counts.getOrDefault(id, 1), calibrationNow, n);
            apply = () -> {
                problems.clear();
                spec.set(built);
                context.specProperty().set(built);
                estimate.set(e.describe());
                foldsError.set(null);
            };
        } catch (SpecException e) {
            apply = () -> {
                List<String> words = e.problems().stream().map(ExperimentViewModel::inWords).toList();
                problems.setAll(words);
                estimate.set("");
                words.stream().filter(p -> p.startsWith("Folds:")).findFirst().ifPresent(foldsError::set);
            };
        } catch (RuntimeException e) {
            apply = () -> {
                problems.setAll(List.of("The spec cannot be planned: " + e.getMessage()));
                estimate.set("");
            };
        }
        Runnable finalApply = apply;
        fxThread.execute(() -> {
            if (sequence == planSequence) {
                finalApply.run();
            }
        });
    }

    /** The planner's words with the field capitalised and the spec's index left out: {@code Folds: 13 is …}. */
    static String inWords(String problem) {
        String p = problem.replaceAll("models\\[\\d+] \\(([^)]*)\\)", "$1").replaceAll(" \\([^()]*\\)$", "");
        return p.isEmpty() ? p : Character.toUpperCase(p.charAt(0)) + p.substring(1);
    }

    private Map<ModelId, Integer> counts(Dataset dataset) {
        SampleCounts cached = sampleCounts;
        if (cached != null && cached.dataset() == dataset) {
            return cached.counts();
        }
        Map<ModelId, Integer> counts = Samples.counts(dataset);
        sampleCounts = new SampleCounts(dataset, counts);
        return counts;
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
                && nameError.get() == null && seedError.get() == null && patienceError.get() == null
                && validationFractionError.get() == null && wholeNumber(folds.get(), "Folds", 2, MAX_FOLDS, null) != null
                && models.stream().anyMatch(e -> e.enabledProperty().get());
        if (!fieldsValid) {
            return Optional.empty();
        }
        EarlyStopping stopping = earlyStopping.get()
                ? new EarlyStopping(Integer.parseInt(patience.get().strip()), Double.parseDouble(validationFraction.get().strip()))
                : null;
        return Optional.of(new ExperimentSpec(ExperimentSpec.FORMAT, name.get().strip(),
                dataset == null ? null : dataset.root().toString(), Integer.parseInt(folds.get().strip()),
                Long.parseLong(seed.get().strip()), stopping, grids()));
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

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    // ---- calibration of the estimate ----

    /** Reads past trials from the store, when there is one, to refine the estimate. */
    private void loadCalibration() {
        Path file = context.storeFile();
        if (file == null || !Files.isRegularFile(file)) {
            return; // opening would create an empty store just to read nothing
        }
        background.execute(() -> {
            try (Store store = Store.open(file)) {
                RunEstimate.Calibration read = RunEstimate.Calibration.fromStore(store, CALIBRATION_TRIALS);
                fxThread.execute(() -> {
                    calibration = read;
                    refresh();
                });
            } catch (StoreException | RuntimeException e) {
                // The defaults stand; the Run and History views report a store that cannot be read.
            }
        });
    }

    /** Uses these figures for the estimate; for tests. */
    void useCalibration(RunEstimate.Calibration figures) {
        calibration = figures;
        refresh();
    }

    // ---- properties ----

    /** One entry per model of the open dataset: pose, then start and rep of each exercise. */
    public ObservableList<ModelEntry> models() { return models; }
    /** The model whose grid the form shows. */
    public ObjectProperty<ModelEntry> selectedProperty() { return selected; }
    public StringProperty nameProperty() { return name; }
    public StringProperty foldsProperty() { return folds; }
    public StringProperty seedProperty() { return seed; }
    public BooleanProperty earlyStoppingProperty() { return earlyStopping; }
    public StringProperty patienceProperty() { return patience; }
    public StringProperty validationFractionProperty() { return validationFraction; }
    /** Bound both ways to the context's worker text, which the Run view shares. */
    public StringProperty workersProperty() { return workers; }
    public ReadOnlyStringProperty nameErrorProperty() { return nameError.getReadOnlyProperty(); }
    /** Also the planner's: more folds than subjects with some class. */
    public ReadOnlyStringProperty foldsErrorProperty() { return foldsError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty seedErrorProperty() { return seedError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty patienceErrorProperty() { return patienceError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty validationFractionErrorProperty() { return validationFractionError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty workersErrorProperty() { return workersError.getReadOnlyProperty(); }
    /** Models enabled. */
    public ReadOnlyIntegerProperty modelCountProperty() { return modelCount.getReadOnlyProperty(); }
    /** Grid points of the enabled models. */
    public ReadOnlyIntegerProperty gridPointsProperty() { return gridPoints.getReadOnlyProperty(); }
    /** Grid points times folds; 0 while the folds are not a number. */
    public ReadOnlyIntegerProperty trialsProperty() { return trials.getReadOnlyProperty(); }
    /** E.g. {@code 9 models · 18 grid points · 54 trials}. */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    /** Time and memory in words, see {@link RunEstimate#describe()}; empty while the spec has a problem. */
    public ReadOnlyStringProperty estimateProperty() { return estimate.getReadOnlyProperty(); }
    /** Everything that keeps the spec from running, in words naming the field; empty when it can run. */
    public ObservableList<String> problems() { return problems; }
    /** The planned spec, also in the context; null while anything is wrong or planning is under way. */
    public ReadOnlyObjectProperty<ExperimentSpec> specProperty() { return spec.getReadOnlyProperty(); }
    /** A file or preset is being read or written. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** What was last loaded or saved, with notes on what could not be taken over. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** A file that could not be read or written, in plain words naming it; null when none. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
}
