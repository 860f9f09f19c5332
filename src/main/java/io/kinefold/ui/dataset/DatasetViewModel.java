package io.kinefold.ui.dataset;

import io.kinefold.data.Dataset;
import io.kinefold.data.DatasetException;
import io.kinefold.data.DatasetLoader;
import io.kinefold.data.DatasetSummary;
import io.kinefold.data.PoseTrack;
import io.kinefold.data.Problem;
import io.kinefold.data.Recording;
import io.kinefold.data.Rep;
import io.kinefold.data.Skeleton;
import io.kinefold.kind.Kinds;
import io.kinefold.monitor.AppInfo;
import io.kinefold.ui.common.AppContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * State of the dataset view: which folder is open, what loaded from it, the filtered recordings,
 * the problems, and the recording and frame shown in the player. Touches no control, so it is
 * tested without a window; results of background loading are applied through {@code fxThread}.
 */
public final class DatasetViewModel {
    static final String LAST_DATASET_KEY = "lastDataset";

    private final AppContext context;
    private final Executor fxThread;
    private final Preferences preferences;

    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "No dataset open");
    private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>(this, "dataset");
    private final ReadOnlyStringWrapper datasetName = new ReadOnlyStringWrapper(this, "datasetName", "No dataset");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "Open a folder of OpenPose recordings (Ctrl+O)");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ObservableList<RecordingRow> allRows = FXCollections.observableArrayList();
    private final FilteredList<RecordingRow> rows = new FilteredList<>(allRows, r -> true);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ObjectProperty<RecordingRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyIntegerWrapper frameCount = new ReadOnlyIntegerWrapper(this, "frameCount");
    private final IntegerProperty frameIndex = new SimpleIntegerProperty(this, "frameIndex") {
        @Override
        public void set(int value) {
            super.set(Math.max(0, Math.min(value, Math.max(0, frameCount.get() - 1))));
        }
    };
    private final StringBinding frameText;
    private final StringBinding missingText;

    /**
     * @param context the window's shared state and executor
     * @param fxThread where results are applied; {@code Platform::runLater} in the app
     * @param preferences where the last folder is remembered, or null to remember nothing
     */
    public DatasetViewModel(AppContext context, Executor fxThread, Preferences preferences) {
        this.context = context;
        this.fxThread = fxThread;
        this.preferences = preferences;
        filter.addListener((obs, old, text) -> rows.setPredicate(r -> r.matches(text)));
        selected.addListener((obs, old, row) -> {
            frameCount.set(row == null ? 0 : row.recording().track().frameCount());
            frameIndex.set(0);
        });
        frameText = Bindings.createStringBinding(this::describeFrame, selected, frameIndex);
        missingText = Bindings.createStringBinding(this::describeMissing, selected, frameIndex);
    }

    /** The view model of the app: results on the FX thread, last folder in the user's preferences. */
    public static DatasetViewModel forApp(AppContext context) {
        return new DatasetViewModel(context, Platform::runLater, context.preferences());
    }

    /** The folder to open at start: the last one used if it still exists, else the bundled dataset. */
    public Optional<Path> startFolder() {
        if (preferences != null) {
            String last = preferences.get(LAST_DATASET_KEY, null);
            if (last != null && Files.isDirectory(Path.of(last))) {
                return Optional.of(Path.of(last));
            }
        }
        Path bundled = AppInfo.bundledDataset();
        return Files.isDirectory(bundled) ? Optional.of(bundled) : Optional.empty();
    }

    public void openAtStart() {
        startFolder().ifPresent(this::open);
    }

    /** Loads the folder on the background executor; the returned future completes once applied. */
    public CompletableFuture<Void> open(Path folder) {
        loading.set(true);
        status.set("Opening " + folder + " …");
        CompletableFuture<Void> applied = new CompletableFuture<>();
        context.background().execute(() -> {
            Runnable apply;
            try {
                Dataset loaded = DatasetLoader.load(folder);
                DatasetSummary s = DatasetSummary.of(loaded, Kinds.sampleCounts(loaded));
                apply = () -> applyLoaded(loaded, s);
            } catch (DatasetException e) {
                apply = () -> applyFailed(folder, e.getMessage(), e.problems());
            } catch (RuntimeException e) {
                apply = () -> applyFailed(folder, String.valueOf(e.getMessage()), List.of());
            }
            Runnable finalApply = apply;
            fxThread.execute(() -> {
                try {
                    finalApply.run();
                    applied.complete(null);
                } catch (RuntimeException e) {
                    applied.completeExceptionally(e);
                }
            });
        });
        return applied;
    }

    private void applyLoaded(Dataset loaded, DatasetSummary s) {
        loading.set(false);
        error.set(null);
        selected.set(null);
        datasetName.set(loaded.name());
        summary.set(summaryLine(s));
        List<RecordingRow> newRows = new ArrayList<>();
        for (Recording r : loaded.recordings()) {
            newRows.add(RecordingRow.of(r, loaded.root(), loaded.problems()));
        }
        allRows.setAll(newRows);
        problems.setAll(loaded.problems());
        status.set("Opened " + loaded.root());
        // last, so that listeners of the dataset see rows, problems and summary already in place
        dataset.set(loaded);
        context.datasetProperty().set(loaded);
        if (preferences != null) {
            preferences.put(LAST_DATASET_KEY, loaded.root().toString());
        }
        // The player shows the first recording rather than an empty canvas.
        if (!rows.isEmpty()) {
            selected.set(rows.get(0));
        }
    }

    /** A problem of the folder as a whole (nothing in it to read), not of a recording in it. */
    private static boolean aboutTheFolder(Problem p, Path folder) {
        try {
            return Path.of(p.file()).toAbsolutePath().normalize().equals(folder.toAbsolutePath().normalize());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void applyFailed(Path folder, String detail, List<Problem> found) {
        loading.set(false);
        String plain;
        if (!Files.isDirectory(folder)) {
            plain = folder + " is not a folder.";
        } else if (found.isEmpty() || found.stream().allMatch(p -> aboutTheFolder(p, folder))) {
            plain = "Nothing in " + folder + " could be read as a recording: it holds no dataset.json, "
                    + "no OpenPose output folders and no CSV recordings.";
        } else {
            plain = "Nothing in " + folder + " could be used: no recording could be read ("
                    + found.size() + (found.size() == 1 ? " problem" : " problems") + ", listed below).";
        }
        error.set(plain);
        status.set("Could not open " + folder);
        problems.setAll(found);
        if (dataset.get() == null) {
            datasetName.set("No dataset");
            summary.set(plain);
        }
    }

    static String summaryLine(DatasetSummary s) {
        String layouts = s.layouts().entrySet().stream()
                .map(e -> s.layouts().size() == 1 ? e.getKey() : e.getKey() + " ×" + e.getValue())
                .collect(Collectors.joining(", "));
        return plural(s.recordings(), "recording") + " · " + plural(s.frames(), "frame")
                + (s.droppedFrames() > 0 ? " (" + s.droppedFrames() + " dropped)" : "")
                + " · " + layouts
                + " · " + (s.exercises().isEmpty() ? "unlabelled" : plural(s.exercises().size(), "exercise") + " (" + String.join(", ", s.exercises().keySet()) + ")")
                + " · " + plural(s.subjects(), "subject");
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    public void select(RecordingRow row) {
        selected.set(row);
    }

    /** Moves one frame on; false at the last frame (the player stops there). */
    public boolean advance() {
        if (frameIndex.get() >= frameCount.get() - 1) {
            return false;
        }
        frameIndex.set(frameIndex.get() + 1);
        return true;
    }

    public Optional<Recording> selectedRecording() {
        return Optional.ofNullable(selected.get()).map(RecordingRow::recording);
    }

    /** Frame number (from the source) at the current index, or -1 with nothing selected. */
    public int currentFrameNumber() {
        return selectedRecording().filter(r -> r.track().frameCount() > 0)
                .map(r -> r.track().frameNumbers()[frameIndex.get()]).orElse(-1);
    }

    private String describeFrame() {
        Optional<Recording> rec = selectedRecording();
        if (rec.isEmpty() || rec.get().track().frameCount() == 0) {
            return "no recording selected";
        }
        Recording r = rec.get();
        int number = currentFrameNumber();
        StringBuilder text = new StringBuilder("frame ").append(number).append(" / ").append(r.track().lastFrame());
        List<Rep> reps = r.reps();
        for (int i = 0; i < reps.size(); i++) {
            if (reps.get(i).frames().contains(number)) {
                text.append(" · rep ").append(i + 1).append(reps.get(i).correct() ? " (correct)" : " (incorrect)");
            }
        }
        if (r.inStartPosition(number)) {
            text.append(" · start position");
        }
        return text.toString();
    }

    private String describeMissing() {
        Optional<Recording> rec = selectedRecording();
        if (rec.isEmpty() || rec.get().track().frameCount() == 0) {
            return "";
        }
        PoseTrack track = rec.get().track();
        int i = frameIndex.get();
        List<String> missing = new ArrayList<>();
        for (int k = 0; k < Skeleton.KEYPOINT_COUNT; k++) {
            if (!track.present(i, k)) {
                missing.add(Skeleton.KEYPOINTS.get(k));
            }
        }
        if (missing.size() == Skeleton.KEYPOINT_COUNT) {
            return "nobody detected in this frame";
        }
        return missing.isEmpty() ? "" : "missing: " + String.join(", ", missing);
    }

    public List<Rep> reps() {
        return selectedRecording().map(Recording::reps).orElse(List.of());
    }

    public double fps() {
        Dataset d = dataset.get();
        return d == null ? 30 : d.fps();
    }

    public BooleanProperty loadingProperty() { return loading; }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Dataset> datasetProperty() { return dataset.getReadOnlyProperty(); }
    public ReadOnlyStringProperty datasetNameProperty() { return datasetName.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    /** A plain-words message when the last folder opened had nothing usable; null otherwise. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ObservableList<RecordingRow> rows() { return rows; }
    public StringProperty filterProperty() { return filter; }
    public ObservableList<Problem> problems() { return problems; }
    public ObjectProperty<RecordingRow> selectedProperty() { return selected; }
    public ReadOnlyIntegerProperty frameCountProperty() { return frameCount.getReadOnlyProperty(); }
    public IntegerProperty frameIndexProperty() { return frameIndex; }
    public StringBinding frameTextProperty() { return frameText; }
    public StringBinding missingTextProperty() { return missingText; }
}
