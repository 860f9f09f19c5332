package io.kinefold.ui.run;

import io.kinefold.data.Dataset;
import io.kinefold.data.DatasetException;
import io.kinefold.exec.PoolExecutor;
import io.kinefold.exec.Progress;
import io.kinefold.exec.RunListener;
import io.kinefold.exec.RunOutcome;
import io.kinefold.exec.RunService;
import io.kinefold.exec.WorkerCount;
import io.kinefold.exec.WorkerInfo;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.SpecException;
import io.kinefold.experiment.SpecIo;
import io.kinefold.experiment.Status;
import io.kinefold.experiment.Trial;
import io.kinefold.monitor.MachineInfo;
import io.kinefold.monitor.ResourceSample;
import io.kinefold.monitor.WorkerSample;
import io.kinefold.store.Store;
import io.kinefold.store.StoreException;
import io.kinefold.ui.common.AppContext;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * State of the run view: the preset and worker count chosen, the run in progress, its workers,
 * messages and the points of the live charts. Touches no control, so it is tested without a
 * window. The engine reports on its own threads; every change to a property goes through
 * {@code fxThread}.
 */
public final class RunViewModel {
    /** Points kept per chart series: two minutes at one sample a second. */
    public static final int WINDOW = 120;
    /** Messages kept in the list; older ones drop off. */
    public static final int MAX_MESSAGES = 200;
    public static final int MAX_WORKERS = 64;
    public static final List<String> PRESETS = List.of("quick", "article");
    public static final String CANCELLED_TEXT = "Cancelled — finished trials are kept; resume from History";
    private static final double MIB = 1024.0 * 1024.0;

    private final AppContext context;
    private final Executor fxThread;
    // With a direct executor (tests) updates arrive from the pool's and the monitor's threads at once.
    private final Object lock = new Object();

    private final StringProperty spec = new SimpleStringProperty(this, "spec", "quick");
    private final StringProperty workers = new SimpleStringProperty(this, "workers", "auto");
    private final ReadOnlyStringWrapper workersError = new ReadOnlyStringWrapper(this, "workersError");
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper(this, "reason", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "No run yet");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Choose a preset and run it");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper errorDetails = new ReadOnlyStringWrapper(this, "errorDetails");
    private final ObservableList<String> messages = FXCollections.observableArrayList();
    private final ObservableList<WorkerRow> workerRows = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> cpuSeries = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> memorySeries = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> workerCpuSeries = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> workerRssSeries = FXCollections.observableArrayList();

    // Chart points as plain numbers; each tick the series are set from these in one change.
    private final Map<XYChart.Series<Number, Number>, Deque<double[]>> points = new LinkedHashMap<>();
    private final Map<String, WorkerInfo> workerInfos = new LinkedHashMap<>();
    private final Map<String, WorkerSample> lastWorkerSamples = new LinkedHashMap<>();
    private long firstSampleMillis = -1;

    private ExperimentSpec specOverride;
    private volatile PoolExecutor executor;
    private volatile boolean cancelRequested;

    public RunViewModel(AppContext context, Executor fxThread) {
        this.context = context;
        this.fxThread = fxThread;
        workers.addListener((obs, old, text) -> validateWorkers());
        validateWorkers();
    }

    /** The view model of the app: updates on the FX thread. */
    public static RunViewModel forApp(AppContext context) {
        return new RunViewModel(context, Platform::runLater);
    }

    /** Runs this spec instead of the chosen preset; for tests, which need a tiny one. */
    void useSpec(ExperimentSpec spec) {
        this.specOverride = spec;
    }

    private record Choice(WorkerCount count, boolean auto) {}

    /** The worker count the text asks for, or empty with the reason in words. */
    static Optional<WorkerCount> parseWorkers(String text, StringBuilder why) {
        String t = text == null ? "" : text.strip();
        if (t.equalsIgnoreCase("auto")) {
            return Optional.of(WorkerCount.auto(MachineInfo.logicalCores(), MachineInfo.availableMemoryBytes(),
                    WorkerCount.INITIAL_FOOTPRINT, false));
        }
        if (t.isEmpty()) {
            why.append("Workers: type auto or a number from 1 to ").append(MAX_WORKERS);
            return Optional.empty();
        }
        int n;
        try {
            n = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            why.append("Workers: “").append(t).append("” is not a number; type auto or 1 to ").append(MAX_WORKERS);
            return Optional.empty();
        }
        if (n < 1) {
            why.append("Workers: at least 1 is needed to run anything; type auto or 1 to ").append(MAX_WORKERS);
            return Optional.empty();
        }
        if (n > MAX_WORKERS) {
            why.append("Workers: ").append(n).append(" is more than ").append(MAX_WORKERS).append("; type auto or 1 to ")
                    .append(MAX_WORKERS);
            return Optional.empty();
        }
        return Optional.of(WorkerCount.fixed(n));
    }

    private void validateWorkers() {
        StringBuilder why = new StringBuilder();
        Optional<WorkerCount> count = parseWorkers(workers.get(), why);
        workersError.set(count.isPresent() ? null : why.toString());
        if (!running.get()) {
            reason.set(count.map(WorkerCount::reason).orElse(""));
        }
    }

    /**
     * Prepares the chosen spec on the open dataset and runs it on the background executor: in the
     * pool with the chosen worker count, or in one worker process. The future completes once the
     * outcome is applied (with null when the run could not start).
     */
    public CompletableFuture<RunOutcome> start(boolean pool) {
        CompletableFuture<RunOutcome> applied = new CompletableFuture<>();
        if (running.get()) {
            applied.complete(null);
            return applied;
        }
        Dataset dataset = context.datasetProperty().get();
        if (dataset == null) {
            fail("Open a dataset first", "The run view runs a preset on the dataset open in the Dataset tab.");
            applied.complete(null);
            return applied;
        }
        Choice choice;
        if (pool) {
            StringBuilder why = new StringBuilder();
            Optional<WorkerCount> count = parseWorkers(workers.get(), why);
            if (count.isEmpty()) {
                fail(why.toString(), null);
                applied.complete(null);
                return applied;
            }
            choice = new Choice(count.get(), workers.get().strip().equalsIgnoreCase("auto"));
        } else {
            choice = new Choice(new WorkerCount(1, "1 worker: single-process run"), false);
        }
        String mode = pool ? "pool" : "single";
        String presetName = spec.get();
        ExperimentSpec given = specOverride;
        resetForRun(choice.count().reason(), presetName);
        context.background().execute(() -> {
            RunOutcome outcome = null;
            try (Store store = Store.open(context.storeFile())) {
                ExperimentSpec chosen = given != null ? given : SpecIo.readResource(presetName);
                RunService.Prepared prepared = RunService.prepare(chosen, dataset.root(), Path.of("."));
                RunService service = new RunService(store);
                long runId = service.createRun(prepared, mode, choice.count().workers());
                int trials = prepared.plan().trialCount();
                ui(() -> {
                    status.set("Run " + runId + " (" + mode + "): " + trials + " trials");
                    progressText.set("0 / " + trials + " trials · starting workers");
                });
                outcome = service.execute(runId, prepared, workload -> {
                    PoolExecutor created = new PoolExecutor(workload,
                            PoolExecutor.Options.of(choice.count().workers(), choice.auto()))
                            .withReason(choice.count().reason());
                    executor = created;
                    if (cancelRequested) {
                        created.cancel();
                    }
                    return created;
                }, new Listener());
                RunOutcome finished = outcome;
                ui(() -> applyOutcome(finished));
            } catch (SpecException e) {
                uiFail("The preset cannot run on this dataset", e.getMessage());
            } catch (DatasetException e) {
                uiFail("The dataset cannot be read for the run", e.getMessage());
            } catch (StoreException e) {
                uiFail("The run history cannot be opened", e.getMessage());
            } catch (PoolExecutor.PoolFailure e) {
                uiFail("The worker pool failed; finished trials are kept, resume from History", e.getMessage());
            } catch (RuntimeException e) {
                uiFail("The run stopped on an unexpected error", String.valueOf(e));
            } finally {
                executor = null;
                RunOutcome result = outcome;
                fxThread.execute(() -> applied.complete(result));
            }
        });
        return applied;
    }

    /** Ends the run: workers are stopped, finished trials stay in the store. */
    public void cancel() {
        cancelRequested = true;
        PoolExecutor current = executor;
        if (current != null) {
            current.cancel();
        }
        if (running.get()) {
            status.set("Cancelling…");
        }
    }

    private void resetForRun(String countReason, String presetName) {
        cancelRequested = false;
        synchronized (lock) {
            running.set(true);
            progress.set(0);
            progressText.set("Preparing " + (specOverride != null ? "the spec" : presetName) + " …");
            status.set("Starting…");
            error.set(null);
            errorDetails.set(null);
            reason.set(countReason);
            messages.clear();
            workerRows.clear();
            workerInfos.clear();
            lastWorkerSamples.clear();
            points.clear();
            cpuSeries.clear();
            memorySeries.clear();
            workerCpuSeries.clear();
            workerRssSeries.clear();
            firstSampleMillis = -1;
            memorySeries.add(series("memory used"));
        }
    }

    private XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        points.put(s, new ArrayDeque<>());
        return s;
    }

    private void ui(Runnable change) {
        fxThread.execute(() -> {
            synchronized (lock) {
                change.run();
            }
        });
    }

    private void uiFail(String plain, String details) {
        ui(() -> {
            fail(plain, details);
            running.set(false);
        });
    }

    private void fail(String plain, String details) {
        error.set(plain);
        errorDetails.set(details);
        status.set(plain);
    }

    private void applyOutcome(RunOutcome outcome) {
        reason.set(outcome.workerChoice());
        if (outcome.status() == Status.SUCCEEDED) {
            progress.set(1);
            status.set("Run " + outcome.runId() + " succeeded: " + outcome.trials() + " trials"
                    + (outcome.failed() > 0 ? ", " + outcome.failed() + " failed" : "")
                    + " in " + clock(outcome.wallSeconds()));
        } else if (outcome.status() == Status.CANCELLED || cancelRequested) {
            status.set(CANCELLED_TEXT);
        } else {
            fail("Run " + outcome.runId() + " stopped before all trials finished; resume from History",
                    outcome.failed() + " of " + outcome.trials() + " trials failed");
        }
        // last, so that whoever watches running sees the final status already in place
        running.set(false);
    }

    private void addMessage(String text) {
        messages.add(text);
        if (messages.size() > MAX_MESSAGES) {
            messages.remove(0, messages.size() - MAX_MESSAGES);
        }
    }

    /** Adapts the engine's reports to properties, through the UI executor. */
    private final class Listener implements RunListener {
        @Override
        public void trialStarted(Trial trial, String worker) {
            ui(() -> addMessage(worker + " started " + trial.key()));
        }

        @Override
        public void progress(Progress p) {
            ui(() -> {
                progress.set(p.fraction());
                progressText.set(progressLine(p));
                if (p.last() != null && p.last().status() == Status.SUCCEEDED) {
                    addMessage(p.last().trial().key() + " done (" + p.done() + " / " + p.total() + ")");
                }
            });
        }

        @Override
        public void message(String text) {
            ui(() -> addMessage(text));
        }

        @Override
        public void sample(ResourceSample sample) {
            ui(() -> applySample(sample));
        }

        @Override
        public void workerChanged(WorkerInfo worker) {
            ui(() -> {
                workerInfos.put(worker.name(), worker);
                refreshWorkers();
            });
        }
    }

    static String progressLine(Progress p) {
        String text = p.done() + " / " + p.total() + " trials";
        if (p.failed() > 0) {
            text += " (" + p.failed() + " failed)";
        }
        text += " · " + clock(p.elapsedSeconds()) + " elapsed";
        if (!Double.isNaN(p.remainingSeconds()) && p.done() < p.total()) {
            text += " · ~" + clock(p.remainingSeconds()) + " left";
        }
        return text;
    }

    static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private void applySample(ResourceSample sample) {
        if (firstSampleMillis < 0) {
            firstSampleMillis = sample.epochMillis();
        }
        double t = (sample.epochMillis() - firstSampleMillis) / 1000.0;
        double[] cores = sample.cpuPerCore();
        if (cpuSeries.isEmpty()) {
            List<XYChart.Series<Number, Number>> created = new ArrayList<>();
            for (int i = 0; i < cores.length; i++) {
                created.add(series("core " + i));
            }
            // last, so that the machine's line is drawn over the cores'
            created.add(series("machine"));
            cpuSeries.setAll(created);
        }
        for (int i = 0; i < cores.length && i < cpuSeries.size() - 1; i++) {
            push(cpuSeries.get(i), t, cores[i] * 100);
        }
        push(cpuSeries.get(cpuSeries.size() - 1), t, sample.cpuTotal() * 100);
        push(memorySeries.get(0), t, sample.memUsedBytes() / MIB);
        sample.workers().forEach((name, w) -> {
            push(workerSeries(workerCpuSeries, name), t, w.cpu() * 100);
            push(workerSeries(workerRssSeries, name), t, w.rssBytes() / MIB);
        });
        dropStale(workerCpuSeries, t);
        dropStale(workerRssSeries, t);
        lastWorkerSamples.clear();
        lastWorkerSamples.putAll(sample.workers());
        refreshWorkers();
    }

    private XYChart.Series<Number, Number> workerSeries(ObservableList<XYChart.Series<Number, Number>> list, String name) {
        for (XYChart.Series<Number, Number> s : list) {
            if (s.getName().equals(name)) {
                return s;
            }
        }
        XYChart.Series<Number, Number> s = series(name);
        list.add(s);
        return s;
    }

    /** A replaced worker's line stays until its last point has left the window. */
    private void dropStale(ObservableList<XYChart.Series<Number, Number>> list, double now) {
        list.removeIf(s -> {
            Deque<double[]> d = points.get(s);
            boolean stale = d.isEmpty() || d.peekLast()[0] < now - WINDOW;
            if (stale) {
                points.remove(s);
            }
            return stale;
        });
    }

    private void push(XYChart.Series<Number, Number> s, double t, double value) {
        Deque<double[]> d = points.get(s);
        d.addLast(new double[] {t, value});
        while (d.size() > WINDOW) {
            d.removeFirst();
        }
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(d.size());
        for (double[] p : d) {
            data.add(new XYChart.Data<>(p[0], p[1]));
        }
        s.getData().setAll(data);
    }

    private void refreshWorkers() {
        List<WorkerRow> rows = new ArrayList<>();
        for (WorkerInfo w : workerInfos.values()) {
            WorkerSample s = lastWorkerSamples.get(w.name());
            boolean gone = w.status().isTerminal();
            double cpu = s == null || gone ? Double.NaN : s.cpu() * 100;
            double rss = s != null && !gone ? s.rssBytes() / MIB : w.rssBytes() / MIB;
            rows.add(new WorkerRow(w.name(), w.pid(), stateWords(w.status()),
                    w.currentTrial() == null ? "" : w.currentTrial(), w.trialsDone(), cpu, rss));
        }
        workerRows.setAll(rows);
    }

    private static String stateWords(Status s) {
        return switch (s) {
            case QUEUED -> "starting";
            case RUNNING -> "running";
            case SUCCEEDED -> "ended";
            case FAILED -> "failed";
            case CANCELLED -> "stopped";
        };
    }

    public StringProperty specProperty() { return spec; }
    public StringProperty workersProperty() { return workers; }
    /** Why the workers text cannot be used, in plain words; null when it can. */
    public ReadOnlyStringProperty workersErrorProperty() { return workersError.getReadOnlyProperty(); }
    /** The worker count in words: how many and why. */
    public ReadOnlyStringProperty reasonProperty() { return reason.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** 0..1. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** What went wrong, in plain words; null while nothing did. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    /** The technical detail of the error, shown on demand; may be null. */
    public ReadOnlyStringProperty errorDetailsProperty() { return errorDetails.getReadOnlyProperty(); }
    public ObservableList<String> messages() { return messages; }
    public ObservableList<WorkerRow> workerRows() { return workerRows; }
    /** One series per core, then the machine total last; % of the core or of the machine. */
    public ObservableList<XYChart.Series<Number, Number>> cpuSeries() { return cpuSeries; }
    /** Machine memory used, MiB. */
    public ObservableList<XYChart.Series<Number, Number>> memorySeries() { return memorySeries; }
    /** One per worker, % of one core. */
    public ObservableList<XYChart.Series<Number, Number>> workerCpuSeries() { return workerCpuSeries; }
    /** One per worker, MiB. */
    public ObservableList<XYChart.Series<Number, Number>> workerRssSeries() { return workerRssSeries; }
}
