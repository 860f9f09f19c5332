package io.kinefold.ui.run;

import static io.kinefold.exec.Progress.clock;

import io.kinefold.data.Dataset;
import io.kinefold.data.DatasetException;
import io.kinefold.exec.Comparer;
import io.kinefold.exec.CpuReference;
import io.kinefold.exec.PoolExecutor;
import io.kinefold.exec.TrialExecutor;
import io.kinefold.exec.Progress;
import io.kinefold.exec.RunListener;
import io.kinefold.exec.RunOutcome;
import io.kinefold.exec.RunService;
import io.kinefold.exec.WorkerCount;
import io.kinefold.exec.WorkerInfo;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.SpecException;
import io.kinefold.experiment.Status;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import io.kinefold.experiment.Workload;
import io.kinefold.monitor.ResourceSample;
import io.kinefold.monitor.WorkerSample;
import io.kinefold.store.Store;
import io.kinefold.store.StoreException;
import io.kinefold.ui.common.AppContext;
import java.io.IOException;
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
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * State of the run view: the spec designed in the Experiment tab and the worker count, the run
 * (or comparison) in progress, its workers, their timeline, messages and the points of the live
 * charts. Touches no control, so it is tested without a
 * window. The engine reports on its own threads; every change to a property goes through
 * {@code fxThread}.
 */
public final class RunViewModel {
    /** Points kept per chart series: two minutes at one sample a second. */
    public static final int WINDOW = 120;
    /** Messages kept in the list; older ones drop off. */
    public static final int MAX_MESSAGES = 200;
    public static final String CANCELLED_TEXT = "Cancelled — finished trials are kept; resume from History";
    private static final double MIB = 1024.0 * 1024.0;

    private final AppContext context;
    private final Executor fxThread;
    // With a direct executor (tests) updates arrive from the pool's and the monitor's threads at once.
    private final Object lock = new Object();

    private final StringProperty workers;
    private final ReadOnlyStringWrapper specText = new ReadOnlyStringWrapper(this, "specText");
    private final ReadOnlyStringWrapper workersError = new ReadOnlyStringWrapper(this, "workersError");
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper(this, "reason", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "No run yet");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Choose a preset and run it");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper errorDetails = new ReadOnlyStringWrapper(this, "errorDetails");
    private final ReadOnlyObjectWrapper<Long> finishedRun = new ReadOnlyObjectWrapper<>(this, "finishedRun");
    private final ReadOnlyDoubleWrapper elapsed = new ReadOnlyDoubleWrapper(this, "elapsed");
    private final ObservableList<String> messages = FXCollections.observableArrayList();
    private final ObservableList<TimelineBar> timeline = FXCollections.observableArrayList();
    private final ObservableList<WorkerRow> workerRows = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> cpuSeries = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> memorySeries = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> workerCpuSeries = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> workerRssSeries = FXCollections.observableArrayList();

    // The points of each series as plain numbers: when a worker's series has gone stale.
    private final Map<XYChart.Series<Number, Number>, Deque<double[]>> points = new LinkedHashMap<>();
    private final Map<String, WorkerInfo> workerInfos = new LinkedHashMap<>();
    private final Map<String, WorkerSample> lastWorkerSamples = new LinkedHashMap<>();
    private long firstSampleMillis = -1;
    private long startNanos;
    // In a comparison, "single " or "pool " before worker names, so that the two phases' w1 differ.
    private String phase = "";

    private volatile PoolExecutor executor;
    private volatile boolean cancelRequested;

    /** What the buttons start. */
    public enum Mode {
        /** Every trial in a pool of the chosen number of workers. */
        POOL,
        /** Every trial in one worker process. */
        SINGLE,
        /** Single-process, then the pool, then both compared. */
        COMPARE
    }

    public RunViewModel(AppContext context, Executor fxThread) {
        this.context = context;
        this.fxThread = fxThread;
        this.workers = context.workersProperty();
        workers.addListener((obs, old, text) -> validateWorkers());
        validateWorkers();
        context.specProperty().addListener((obs, old, spec) -> describeSpec());
        context.datasetProperty().addListener((obs, old, dataset) -> describeSpec());
        describeSpec();
        context.resumeRequestProperty().addListener((obs, old, runId) -> {
            if (runId != null) {
                resume(runId);
            }
        });
    }

    /** The view model of the app: updates on the FX thread. */
    public static RunViewModel forApp(AppContext context) {
        return new RunViewModel(context, Platform::runLater);
    }

    private void describeSpec() {
        ExperimentSpec spec = context.specProperty().get();
        if (context.datasetProperty().get() == null) {
            specText.set("No dataset open: open one in the Dataset tab");
        } else if (spec == null) {
            specText.set("No valid experiment: design one in the Experiment tab");
        } else {
            specText.set("Experiment “" + spec.name() + "”: " + spec.models().size()
                    + (spec.models().size() == 1 ? " model" : " models") + ", " + spec.folds() + " folds");
        }
    }

    /** The worker count the text asks for, or empty with the reason in words. */
    static Optional<WorkerCount> parseWorkers(String text, StringBuilder why) {
        try {
            return Optional.of(WorkerCount.parse(text));
        } catch (IllegalArgumentException e) {
            why.append("Workers: ").append(e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Checks the text as typed, on the FX thread; what {@code auto} comes to asks the machine
     * (OSHI: cores, free memory), so that reason is worked out in the background.
     */
    private void validateWorkers() {
        String text = workers.get();
        String problem = WorkerCount.problem(text);
        workersError.set(problem == null ? null : "Workers: " + problem);
        if (running.get()) {
            return;
        }
        if (problem != null) {
            reason.set("");
        } else if (!WorkerCount.isAuto(text)) {
            reason.set(WorkerCount.parse(text).reason());
        } else {
            context.background().execute(() -> {
                String why = WorkerCount.parse(text).reason();
                ui(() -> {
                    if (!running.get() && text.equals(workers.get())) {
                        reason.set(why);
                    }
                });
            });
        }
    }

    /** Starts in the pool ({@code true}) or in one worker process. */
    public CompletableFuture<RunOutcome> start(boolean pool) {
        return start(pool ? Mode.POOL : Mode.SINGLE);
    }

    /**
     * Prepares the spec of the Experiment tab on the open dataset and runs it on the background
     * executor: in the pool with the chosen worker count, in one worker process, or both one after
     * the other and compared. The future completes once the outcome is applied, with the outcome
     * of the (last) run, or null when nothing could start.
     */
    public CompletableFuture<RunOutcome> start(Mode mode) {
        CompletableFuture<RunOutcome> applied = new CompletableFuture<>();
        if (running.get()) {
            applied.complete(null);
            return applied;
        }
        Dataset dataset = context.datasetProperty().get();
        ExperimentSpec chosen = context.specProperty().get();
        if (dataset == null) {
            fail("Open a dataset first", "The run view runs the Experiment tab's spec on the dataset open in the Dataset tab.");
            applied.complete(null);
            return applied;
        }
        if (chosen == null) {
            fail("The experiment has problems: fix them in the Experiment tab", null);
            applied.complete(null);
            return applied;
        }
        WorkerCount count;
        boolean auto = false;
        if (mode == Mode.SINGLE) {
            count = new WorkerCount(1, "1 worker: single-process run");
        } else {
            StringBuilder why = new StringBuilder();
            Optional<WorkerCount> parsed = parseWorkers(workers.get(), why);
            if (parsed.isEmpty()) {
                fail(why.toString(), null);
                applied.complete(null);
                return applied;
            }
            count = parsed.get();
            auto = WorkerCount.isAuto(workers.get());
        }
        resetForRun(count.reason(), "“" + chosen.name() + "”");
        boolean autoCount = auto;
        inBackground(applied, store -> {
            RunService.Prepared prepared = RunService.prepare(chosen, dataset.root(), Path.of("."));
            Comparer comparer = new Comparer(new RunService(store), prepared);
            int trials = prepared.plan().trialCount();
            if (mode == Mode.COMPARE) {
                return compare(comparer, trials, count, autoCount);
            }
            String name = mode == Mode.POOL ? "pool" : "single";
            ui(() -> progressText.set("0 / " + trials + " trials · starting workers"));
            RunOutcome outcome = comparer.run(name, count.workers(), executors(count, autoCount), new Listener()).outcome();
            ui(() -> applyOutcome(outcome));
            return outcome;
        });
        return applied;
    }

    /**
     * Runs the trials a stored run still lacks, in the pool with the chosen worker count, on the
     * dataset and spec stored with it. The future completes once the outcome is applied.
     */
    public CompletableFuture<RunOutcome> resume(long runId) {
        CompletableFuture<RunOutcome> applied = new CompletableFuture<>();
        StringBuilder why = new StringBuilder();
        Optional<WorkerCount> parsed = parseWorkers(workers.get(), why);
        if (running.get()) {
            fail("A run is going: resume run " + runId + " once it has ended", null);
            applied.complete(null);
            return applied;
        }
        if (parsed.isEmpty()) {
            fail(why.toString(), null);
            applied.complete(null);
            return applied;
        }
        WorkerCount count = parsed.get();
        boolean auto = WorkerCount.isAuto(workers.get());
        resetForRun(count.reason(), "the resume of run " + runId);
        inBackground(applied, store -> {
            RunService service = new RunService(store);
            RunService.Prepared prepared = service.prepareResume(runId);
            ui(() -> status.set("Resuming run " + runId + " (" + prepared.spec().name() + ")"));
            RunOutcome outcome = service.execute(runId, prepared, executors(count, auto), new Listener());
            ui(() -> applyOutcome(outcome));
            return outcome;
        });
        return applied;
    }

    /** Work on the store, off the FX thread. */
    @FunctionalInterface
    private interface RunWork {
        RunOutcome run(Store store) throws SpecException, DatasetException, StoreException;
    }

    /**
     * Runs the work on the background executor with the store open; every failure becomes a
     * plain-word error with details, and the future completes once the result is applied.
     */
    private void inBackground(CompletableFuture<RunOutcome> applied, RunWork work) {
        context.background().execute(() -> {
            RunOutcome outcome = null;
            try (Store store = Store.open(context.storeFile())) {
                outcome = work.run(store);
            } catch (SpecException e) {
                uiFail("The experiment cannot run on this dataset", e.getMessage());
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
    }

    /**
     * The reference, then single-process, then the pool; each phase starts only when the one before
     * succeeded and no cancel came. Returns the last phase's outcome, null when cancelled before.
     */
    private RunOutcome compare(Comparer comparer, int trials, WorkerCount count, boolean auto) {
        int n = count.workers();
        CpuReference reference = null;
        if (n > 1) {
            ui(() -> progressText.set("Measuring what " + n + " plain CPU-bound processes get on this machine …"));
            try {
                reference = CpuReference.measure(n);
                String text = "Reference: " + reference.describe();
                ui(() -> addMessage(text));
            } catch (IOException e) {
                String text = "The reference could not be measured: " + e.getMessage();
                ui(() -> addMessage(text));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ui(this::applyCancelled);
                return null;
            }
        }
        if (cancelRequested) {
            ui(this::applyCancelled);
            return null;
        }
        ui(() -> {
            phase = "single ";
            // The timeline starts with the trials, not with the reference measured before them.
            startNanos = System.nanoTime();
            elapsed.set(0);
            status.set("Comparison 1 of 2: single process (1 worker)");
            progressText.set("0 / " + trials + " trials · starting the worker");
        });
        Comparer.ModeRun single = comparer.run(Comparer.SINGLE_MODE, 1,
                executors(new WorkerCount(1, "1 worker: single-process run"), false), new Listener());
        if (!single.succeeded() || cancelRequested) {
            ui(() -> applyOutcome(single.outcome()));
            return single.outcome();
        }
        ui(() -> {
            phase = "pool ";
            progress.set(0);
            reason.set(count.reason());
            status.set("Comparison 2 of 2: pool (" + n + " workers); single process took "
                    + clock(single.outcome().wallSeconds()));
            progressText.set("0 / " + trials + " trials · starting workers");
        });
        Comparer.ModeRun pool = comparer.run(Comparer.POOL_MODE, n, executors(count, auto), new Listener());
        if (!pool.succeeded()) {
            ui(() -> applyOutcome(pool.outcome()));
            return pool.outcome();
        }
        Map<String, Object> document = comparer.record(single, pool, reference, List.of());
        ui(() -> applyComparison(single, pool, document));
        return pool.outcome();
    }

    private Function<Workload, TrialExecutor> executors(WorkerCount count, boolean auto) {
        return workload -> {
            PoolExecutor created = new PoolExecutor(workload, PoolExecutor.Options.of(count.workers(), auto))
                    .withReason(count.reason());
            executor = created;
            if (cancelRequested) {
                created.cancel();
            }
            return created;
        };
    }

    /** Shows the finished run in the Results view. */
    public void showResults() {
        if (finishedRun.get() != null) {
            context.shownRunProperty().set(null);
            context.shownRunProperty().set(finishedRun.get());
        }
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

    private void resetForRun(String countReason, String specName) {
        cancelRequested = false;
        synchronized (lock) {
            running.set(true);
            phase = "";
            startNanos = System.nanoTime();
            elapsed.set(0);
            finishedRun.set(null);
            timeline.clear();
            progress.set(0);
            progressText.set("Preparing " + specName + " …");
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

    private void applyCancelled() {
        status.set(CANCELLED_TEXT);
        running.set(false);
    }

    private void applyComparison(Comparer.ModeRun single, Comparer.ModeRun pool, Map<String, Object> document) {
        progress.set(1);
        finishedRun.set(pool.runId());
        double speedup = (double) document.get("speedup");
        String text = String.format(Locale.ROOT, "Compared: single process %s, %d workers %s → %.2f× faster, %.0f %% efficiency",
                clock(single.outcome().wallSeconds()), pool.outcome().workers(), clock(pool.outcome().wallSeconds()),
                speedup, 100 * (double) document.get("efficiency"));
        if (document.get("speedupOfReference") instanceof Double share) {
            text += String.format(Locale.ROOT, " (%.0f %% of what %d plain processes get)", 100 * share, pool.outcome().workers());
        }
        text += Boolean.TRUE.equals(document.get("identicalMetrics")) ? "; metrics identical"
                : "; metrics DIFFER in " + document.get("differingTrials") + " trials";
        status.set(text);
        addMessage(text);
        running.set(false);
    }

    private void applyOutcome(RunOutcome outcome) {
        reason.set(outcome.workerChoice());
        if (outcome.status() == Status.SUCCEEDED) {
            progress.set(1);
            finishedRun.set(outcome.runId());
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
            ui(() -> {
                addMessage(phase + worker + " started " + trial.key());
                timeline.add(new TimelineBar(phase + worker, trial.key(), trial.model().kind(), now(), Double.NaN, false));
            });
        }

        @Override
        public void progress(Progress p) {
            ui(() -> {
                progress.set(p.fraction());
                progressText.set(progressLine(p));
                if (p.last() != null) {
                    finishBar(p.last());
                    if (p.last().status() == Status.SUCCEEDED) {
                        addMessage(p.last().trial().key() + " done (" + p.done() + " / " + p.total() + ")");
                    }
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
                workerInfos.put(phase + worker.name(), worker);
                refreshWorkers();
            });
        }
    }

    private double now() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Ends the trial's open bar; a trial that was retried on another worker has one bar per attempt. */
    private void finishBar(TrialResult result) {
        String lane = phase + result.worker();
        for (int i = timeline.size() - 1; i >= 0; i--) {
            TimelineBar bar = timeline.get(i);
            if (bar.running() && bar.trial().equals(result.trial().key()) && bar.lane().equals(lane)) {
                timeline.set(i, bar.finish(now(), result.status() != Status.SUCCEEDED));
                return;
            }
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

    private void applySample(ResourceSample sample) {
        elapsed.set(now());
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
            push(workerSeries(workerCpuSeries, phase + name), t, w.cpu() * 100);
            push(workerSeries(workerRssSeries, phase + name), t, w.rssBytes() / MIB);
        });
        dropStale(workerCpuSeries, t);
        dropStale(workerRssSeries, t);
        lastWorkerSamples.clear();
        sample.workers().forEach((name, w) -> lastWorkerSamples.put(phase + name, w));
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
        // One point in, the oldest out, rather than 120 new points per series every second.
        ObservableList<XYChart.Data<Number, Number>> data = s.getData();
        data.add(new XYChart.Data<>(t, value));
        if (data.size() > WINDOW) {
            data.remove(0, data.size() - WINDOW);
        }
    }

    private void refreshWorkers() {
        List<WorkerRow> rows = new ArrayList<>();
        for (Map.Entry<String, WorkerInfo> e : workerInfos.entrySet()) {
            WorkerInfo w = e.getValue();
            WorkerSample s = lastWorkerSamples.get(e.getKey());
            boolean gone = w.status().isTerminal();
            double cpu = s == null || gone ? Double.NaN : s.cpu() * 100;
            double rss = s != null && !gone ? s.rssBytes() / MIB : w.rssBytes() / MIB;
            rows.add(new WorkerRow(e.getKey(), w.pid(), stateWords(w.status()),
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

    /** The spec that runs, in words, or what is missing to run one. */
    public ReadOnlyStringProperty specTextProperty() { return specText.getReadOnlyProperty(); }
    /** The worker count as typed; the same property as the Experiment view's. */
    public StringProperty workersProperty() { return workers; }
    /** The run whose results can be shown: the last that succeeded (the pool's, for a comparison). */
    public ReadOnlyObjectProperty<Long> finishedRunProperty() { return finishedRun.getReadOnlyProperty(); }
    /** Seconds since the run started, updated with every monitor sample; the timeline's right edge. */
    public ReadOnlyDoubleProperty elapsedProperty() { return elapsed.getReadOnlyProperty(); }
    /** Every trial started, by worker, in start order. */
    public ObservableList<TimelineBar> timeline() { return timeline; }
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
