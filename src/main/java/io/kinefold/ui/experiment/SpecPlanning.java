package io.kinefold.ui.experiment;

import io.kinefold.data.Dataset;
import io.kinefold.data.ModelId;
import io.kinefold.exec.RunEstimate;
import io.kinefold.exec.WorkerCount;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.Plan;
import io.kinefold.experiment.Planner;
import io.kinefold.experiment.SpecException;
import io.kinefold.kind.Kinds;
import io.kinefold.store.Store;
import io.kinefold.store.StoreException;
import io.kinefold.ui.common.AppContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Plans the form's spec against the dataset on the background executor and words the estimate,
 * the newest plan winning; also keeps the calibration of the estimate from the store. Kept apart
 * from {@link ExperimentViewModel} because this is the part that crosses threads: the form's
 * checks stay synchronous there, and only what is planned here arrives later through
 * {@code fxThread}.
 */
final class SpecPlanning {
    /** Stored trials read for the calibration: enough for a stable median, few enough to read at once. */
    static final int CALIBRATION_TRIALS = 5000;

    private final AppContext context;
    private final Executor fxThread;
    private final Executor background;
    private final Consumer<String> foldsError;
    private final Runnable calibrated;

    private final ReadOnlyStringWrapper estimate = new ReadOnlyStringWrapper(this, "estimate", "");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ExperimentSpec> spec = new ReadOnlyObjectWrapper<>(this, "spec");

    /** The newest planning asked for; an older one that finishes later is dropped. */
    private long planSequence;
    private volatile RunEstimate.Calibration calibration = RunEstimate.Calibration.defaults();
    private volatile SampleCounts sampleCounts;

    private record SampleCounts(Dataset dataset, Map<ModelId, Integer> counts) {}

    /**
     * @param foldsError takes the planner's word on the folds, or null once it planned
     * @param calibrated called on the FX thread when new calibration figures are in, to plan again
     */
    SpecPlanning(AppContext context, Executor fxThread, Executor background, Consumer<String> foldsError,
                 Runnable calibrated) {
        this.context = context;
        this.fxThread = fxThread;
        this.background = background;
        this.foldsError = foldsError;
        this.calibrated = calibrated;
    }

    /**
     * Drops the planned spec and plans again: at once to nothing while {@code found} lists
     * problems, otherwise the spec {@code built} makes, in the background.
     */
    void replan(List<String> found, Supplier<ExperimentSpec> built, Dataset dataset, String workersText) {
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
        ExperimentSpec toPlan = built.get();
        RunEstimate.Calibration calibrationNow = calibration;
        background.execute(() -> plan(sequence, toPlan, dataset, workersText, calibrationNow));
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
                foldsError.accept(null);
            };
        } catch (SpecException e) {
            apply = () -> {
                List<String> words = e.problems().stream().map(SpecPlanning::inWords).toList();
                problems.setAll(words);
                estimate.set("");
                words.stream().filter(p -> p.startsWith("Folds:")).findFirst().ifPresent(foldsError);
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
        Map<ModelId, Integer> counts = Kinds.sampleCounts(dataset);
        sampleCounts = new SampleCounts(dataset, counts);
        return counts;
    }

    /** Reads past trials from the store, when there is one, to refine the estimate. */
    void loadCalibration() {
        Path file = context.storeFile();
        if (file == null || !Files.isRegularFile(file)) {
            return; // opening would create an empty store just to read nothing
        }
        background.execute(() -> {
            try (Store store = Store.open(file)) {
                RunEstimate.Calibration read = RunEstimate.Calibration.fromStore(store, CALIBRATION_TRIALS);
                fxThread.execute(() -> useCalibration(read));
            } catch (StoreException | RuntimeException e) {
                // The defaults stand; the Run and History views report a store that cannot be read.
            }
        });
    }

    /** Uses these figures for the estimate from now on and has the spec planned again. */
    void useCalibration(RunEstimate.Calibration figures) {
        calibration = figures;
        calibrated.run();
    }

    ReadOnlyStringProperty estimateProperty() { return estimate.getReadOnlyProperty(); }
    ObservableList<String> problems() { return problems; }
    ReadOnlyObjectProperty<ExperimentSpec> specProperty() { return spec.getReadOnlyProperty(); }
}
