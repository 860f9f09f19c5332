package io.kinefold.ui.run;

import static io.kinefold.exec.Progress.clock;

import io.kinefold.data.Dataset;
import io.kinefold.data.DatasetException;
import io.kinefold.exec.CompareListener;
import io.kinefold.exec.CompareWorkflow;
import io.kinefold.exec.Comparer;
import io.kinefold.exec.CpuReference;
import io.kinefold.exec.ExecutorFactory;
import io.kinefold.exec.MachineState;
import io.kinefold.exec.PoolExecutor;
import io.kinefold.exec.Progress;
import io.kinefold.exec.RunCancel;
import io.kinefold.exec.RunListener;
import io.kinefold.exec.RunMode;
import io.kinefold.exec.RunOutcome;
import io.kinefold.exec.ResumeRefusedException;
import io.kinefold.exec.RunService;
import io.kinefold.exec.RunWarnings;
import io.kinefold.exec.WorkerChoice;
import io.kinefold.exec.WorkerCount;
import io.kinefold.exec.WorkerInfo;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.SpecException;
import io.kinefold.experiment.Status;
import io.kinefold.experiment.Trial;
import io.kinefold.monitor.MachineInfo;
import io.kinefold.monitor.ResourceSample;
import io.kinefold.store.RunHeldException;
import io.kinefold.store.Store;
import io.kinefold.store.StoreException;
import io.kinefold.ui.common.AppContext;
import io.kinefold.ui.common.WholeRunData;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the run view: the spec designed in the Experiment tab and the worker count, and the
 * run (or comparison) in progress, started, sequenced and cancelled here. What it would start with
 * ({@link RunInputs}), where it stands ({@link RunStatus}), its timeline ({@link RunTimeline}),
 * workers ({@link WorkerTable}) and live charts ({@link LiveCharts}) are kept by helpers whose
 * lists and properties this class hands out.
 * Touches no control, so it is tested without a window. The engine reports on its own threads;
 * every change to a property goes through {@code fxThread}.
 */
public final class RunViewModel {
    /** Seconds every live chart keeps: two minutes, at one sample a second. */
    public static final int WINDOW = 120;
    /** Messages kept in the list; older ones drop off. */
    public static final int MAX_MESSAGES = 200;
    public static final String CANCELLED_TEXT = "Cancelled — finished trials are kept; resume from History";
    /** Why a worker's CPU goes past 100 % of one core, said beside the workers table and its chart. */
    public static final String WORKER_CPU_NOTE = "A worker trains on one thread, yet its CPU here and in the Worker CPU "
            + "chart can reach 100–170 % of one core: its JVM also runs JIT-compiler and garbage-collector threads beside it.";

    /**
     * What the view model runs on: the executors, the comparison's options and the machine as the
     * warnings see it. {@link #LOCAL} is this machine; tests pass fakes.
     *
     * @param machine cores and free memory, quickly (its load is not read)
     * @param cpuLoad the machine's load, 0..1, measured just before a comparison (takes a moment)
     */
    public record Engine(ExecutorFactory executors, CompareWorkflow.Options compareOptions, Supplier<MachineState> machine,
                         DoubleSupplier cpuLoad) {
        public static final Engine LOCAL = new Engine(ExecutorFactory.LOCAL, CompareWorkflow.Options.DEFAULT,
                MachineState::withoutLoad, () -> MachineInfo.cpuLoad(MachineState.LOAD_MILLIS));

        MachineState machineWithLoad() {
            MachineState m = machine.get();
            return new MachineState(m.cores(), m.availableBytes(), cpuLoad.getAsDouble());
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(RunViewModel.class);

    private final AppContext context;
    private final Executor fxThread;
    private final Engine engine;
    // With a direct executor (tests) updates arrive from the pool's and the monitor's threads at once.
    private final Object lock = new Object();

    private final StringProperty workers;
    private final RunStatus run = new RunStatus();
    private final RunInputs inputs;
    private final RunTimeline timeline = new RunTimeline();
    private final WorkerTable workerTable = new WorkerTable();
    // The charts place samples on the timeline's clock: one clock for the whole view.
    private final LiveCharts charts = new LiveCharts(timeline::secondsAt);
    // In a comparison, "single " or "pool " before worker names, so that the two phases' w1 differ.
    private String phase = "";

    // A fresh one for each run, so that a cancel of the last run does not reach the next.
    private volatile RunCancel cancel = new RunCancel();

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
        this(context, fxThread, Engine.LOCAL);
    }

    public RunViewModel(AppContext context, Executor fxThread, Engine engine) {
        this.context = context;
        this.fxThread = fxThread;
        this.engine = engine;
        this.workers = context.workersProperty();
        this.inputs = new RunInputs(context, run, this::ui, engine.machine());
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
        if (run.runningProperty().get()) {
            applied.complete(null);
            return applied;
        }
        Dataset dataset = context.datasetProperty().get();
        ExperimentSpec chosen = context.specProperty().get();
        if (dataset == null) {
            refuse("Open a dataset first", "The run view runs the Experiment tab's spec on the dataset open in the Dataset tab.");
            applied.complete(null);
            return applied;
        }
        if (chosen == null) {
            refuse("The experiment has problems: fix them in the Experiment tab", null);
            applied.complete(null);
            return applied;
        }
        StringBuilder why = new StringBuilder();
        Optional<WorkerChoice> parsed = mode == Mode.SINGLE ? inputs.withTimeout(WorkerChoice.single(), why)
                : inputs.parseWorkers(workers.get(), why);
        if (parsed.isEmpty()) {
            refuse(why.toString(), null);
            applied.complete(null);
            return applied;
        }
        WorkerChoice choice = parsed.get();
        resetForRun(choice.reason(), "“" + chosen.name() + "”");
        RunCancel thisRun = cancel;
        inBackground(applied, store -> {
            int n = mode == Mode.SINGLE ? 1 : choice.workers();
            List<String> warnings = RunWarnings.before(n, false, engine.machine().get(), WorkerCount.INITIAL_FOOTPRINT);
            ui(() -> run.setWarnings(warnings));
            RunService.Prepared prepared = RunService.prepare(chosen, dataset.root(), Path.of("."));
            int trials = prepared.plan().trialCount();
            if (mode == Mode.COMPARE) {
                return compare(new RunService(store), prepared, trials, choice, thisRun);
            }
            RunMode runMode = mode == Mode.POOL ? RunMode.POOL : RunMode.SINGLE;
            ui(() -> {
                run.setStatus(runMode == RunMode.POOL ? "Running “" + chosen.name() + "” in a pool of " + choice.workers()
                        + (choice.workers() == 1 ? " worker" : " workers") : "Running “" + chosen.name() + "” in one worker process");
                run.setProgressText("0 / " + trials + " trials · starting workers");
            });
            RunOutcome outcome = new Comparer(new RunService(store), prepared).run(runMode.storeName(), choice.workers(),
                    thisRun.watching(engine.executors().of(runMode, choice)), new Listener()).outcome();
            ui(() -> run.applyOutcome(outcome, thisRun.requested()));
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
        Optional<WorkerChoice> parsed = inputs.parseWorkers(workers.get(), why);
        if (run.runningProperty().get()) {
            run.addMessage("A run is going: resume run " + runId + " once it has ended");
            applied.complete(null);
            return applied;
        }
        if (parsed.isEmpty()) {
            refuse(why.toString(), null);
            applied.complete(null);
            return applied;
        }
        WorkerChoice choice = parsed.get();
        resetForRun(choice.reason(), "the resume of run " + runId);
        RunCancel thisRun = cancel;
        inBackground(applied, store -> {
            RunService service = new RunService(store);
            RunService.Prepared prepared = service.prepareResume(runId);
            ui(() -> run.setStatus("Resuming run " + runId + " (" + prepared.spec().name() + ")"));
            RunOutcome outcome = service.execute(runId, prepared,
                    thisRun.watching(engine.executors().of(choice.mode(), choice)), new Listener());
            ui(() -> run.applyOutcome(outcome, thisRun.requested()));
            return outcome;
        });
        return applied;
    }

    /** Work on the store, off the FX thread. */
    @FunctionalInterface
    private interface RunWork {
        RunOutcome run(Store store) throws SpecException, DatasetException, StoreException, ResumeRefusedException;
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
            } catch (ResumeRefusedException | RunHeldException e) {
                uiFail("The run cannot be resumed", e.getMessage());
            } catch (StoreException e) {
                uiFail("The run history cannot be opened", e.getMessage());
            } catch (PoolExecutor.PoolFailure e) {
                uiFail("The worker pool failed; finished trials are kept, resume from History", e.getMessage());
            } catch (RuntimeException e) {
                uiFail("The run stopped on an unexpected error", String.valueOf(e));
            } finally {
                RunOutcome result = outcome;
                fxThread.execute(() -> applied.complete(result));
            }
        });
    }

    /**
     * The engine's comparison: the reference, then single-process, then the pool. Returns the last
     * phase's outcome, null when cancelled before any.
     */
    private RunOutcome compare(RunService service, RunService.Prepared prepared, int trials, WorkerChoice choice,
                               RunCancel thisRun) {
        CompareWorkflow.Outcome outcome = new CompareWorkflow(service, engine.executors(), thisRun, engine::machineWithLoad)
                .run(prepared, choice, engine.compareOptions(), new CompareProgress(trials, choice));
        if (outcome.compared()) {
            ui(() -> run.applyComparison(outcome.single(), outcome.pool(), outcome.result()));
        } else if (outcome.last() != null) {
            ui(() -> run.applyOutcome(outcome.last(), thisRun.requested()));
        } else {
            ui(run::applyCancelled);
        }
        return outcome.last();
    }

    /** Shows the finished run in the Results view. */
    public void showResults() {
        if (run.finishedRunProperty().get() != null) {
            context.shownRunProperty().set(null);
            context.shownRunProperty().set(run.finishedRunProperty().get());
        }
    }

    /** Ends the run: workers are stopped, finished trials stay in the store. */
    public void cancel() {
        cancel.cancel();
        if (run.runningProperty().get()) {
            run.setStatus("Cancelling…");
        }
    }

    /** A start refused before anything ran: the problem, and none of the last run's progress, charts or workers. */
    private void refuse(String plain, String details) {
        synchronized (lock) {
            run.refuse(plain, details);
            timeline.clear();
            workerTable.clear();
            charts.clear();
        }
    }

    private void resetForRun(String countReason, String specName) {
        cancel = new RunCancel();
        synchronized (lock) {
            run.begin();
            phase = "";
            timeline.clear();
            run.reset(countReason, specName);
            workerTable.clear();
            charts.clear();
        }
    }

    private void ui(Runnable change) {
        fxThread.execute(() -> {
            synchronized (lock) {
                change.run();
            }
        });
    }

    private static void guarded(String part, Runnable update) {
        try {
            update.run();
        } catch (RuntimeException e) {
            LOG.warn("Run view: the {} could not take a monitor sample", part, e);
        }
    }

    private void uiFail(String plain, String details) {
        ui(() -> run.failAndStop(plain, details));
    }

    /** Adapts the engine's reports to properties, through the UI executor. */
    private class Listener implements RunListener {
        @Override
        public void trialStarted(Trial trial, String worker) {
            ui(() -> {
                run.addMessage(phase + worker + " started " + trial.key());
                timeline.started(phase + worker, trial);
            });
        }

        @Override
        public void progress(Progress p) {
            ui(() -> {
                run.progressed(p);
                if (p.last() != null) {
                    timeline.finished(phase + p.last().worker(), p.last());
                    if (p.last().status() == Status.SUCCEEDED) {
                        run.addMessage(p.last().trial().key() + " done (" + p.done() + " / " + p.total() + ")");
                    }
                }
            });
        }

        @Override
        public void message(String text) {
            ui(() -> run.addMessage(text));
        }

        @Override
        public void sample(ResourceSample sample) {
            ui(() -> sampled(sample));
        }

        @Override
        public void workerChanged(WorkerInfo worker) {
            ui(() -> workerTable.changed(phase + worker.name(), worker));
        }
    }

    /** A comparison's phases too: the timeline and worker names of each phase apart. */
    private final class CompareProgress extends Listener implements CompareListener {
        private final int trials;
        private final WorkerChoice choice;

        CompareProgress(int trials, WorkerChoice choice) {
            this.trials = trials;
            this.choice = choice;
        }

        @Override
        public void referenceStarted(int processes) {
            ui(() -> {
                run.setStatus("Comparison: measuring the machine before the runs (Esc cancels)");
                run.setProgressText("Measuring what " + processes + " plain CPU-bound processes get on this machine …");
            });
        }

        @Override
        public void referenceMeasured(CpuReference reference) {
            String text = "Reference: " + reference.describe();
            ui(() -> run.addMessage(text));
        }

        @Override
        public void warning(String text) {
            ui(() -> run.warn(text));
        }

        @Override
        public void referenceFailed(String reason) {
            String text = "The reference could not be measured: " + reason;
            ui(() -> run.addMessage(text));
        }

        @Override
        public void phaseStarted(CompareWorkflow.Phase phase, int n, Comparer.ModeRun single) {
            if (phase == CompareWorkflow.Phase.SINGLE) {
                ui(() -> {
                    phase("single ");
                    // The timeline starts with the trials, not with the reference measured before them.
                    timeline.restartClock();
                    run.setStatus("Comparison 1 of 2: single process (1 worker)");
                    run.setProgressText("0 / " + trials + " trials · starting the worker");
                });
            } else if (phase == CompareWorkflow.Phase.POOL) {
                ui(() -> {
                    phase("pool ");
                    run.setProgress(0);
                    run.setReason(choice.reason());
                    run.setStatus("Comparison 2 of 2: pool (" + n + " workers); single process took "
                            + clock(single.outcome().wallSeconds()));
                    run.setProgressText("0 / " + trials + " trials · starting workers");
                });
            }
        }
    }

    /** A monitor sample in the charts, the timeline's clock and the workers table; under the lock, on the UI executor. */
    void sampled(ResourceSample sample) {
        // Each part on its own: one that throws (a listener of the timeline's clock, say) must not
        // leave the charts without the sample while the workers table goes on.
        guarded("timeline", timeline::tick);
        guarded("charts", () -> charts.apply(sample, phase));
        guarded("workers table", () -> workerTable.sampled(sample, phase));
    }

    private void phase(String name) {
        phase = name;
    }

    /** The spec that runs, in words, or what is missing to run one. */
    public ReadOnlyStringProperty specTextProperty() { return inputs.specTextProperty(); }
    /** The worker count as typed; the same property as the Experiment view's. */
    public StringProperty workersProperty() { return workers; }
    /** The run whose results can be shown: the last that succeeded (the pool's, for a comparison). */
    public ReadOnlyObjectProperty<Long> finishedRunProperty() { return run.finishedRunProperty(); }
    /** Seconds since the run started, updated with every monitor sample; the timeline's right edge. */
    public ReadOnlyDoubleProperty elapsedProperty() { return timeline.elapsedProperty(); }
    /** Every trial started, by worker, in start order. */
    public ObservableList<TimelineBar> timeline() { return timeline.bars(); }
    /** Seconds a trial may run before its worker is killed and the trial rerun, as typed; empty for the default. */
    public StringProperty trialTimeoutProperty() { return inputs.trialTimeoutProperty(); }
    /** Why the workers or trial timeout text cannot be used, in plain words; null when it can. */
    public ReadOnlyStringProperty workersErrorProperty() { return inputs.workersErrorProperty(); }
    /** The worker count in words: how many and why. */
    public ReadOnlyStringProperty reasonProperty() { return run.reasonProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return run.runningProperty(); }
    /** 0..1. */
    public ReadOnlyDoubleProperty progressProperty() { return run.progressProperty(); }
    public ReadOnlyStringProperty progressTextProperty() { return run.progressTextProperty(); }
    public ReadOnlyStringProperty statusProperty() { return run.statusProperty(); }
    /** What went wrong, in plain words; null while nothing did. */
    public ReadOnlyStringProperty errorProperty() { return run.errorProperty(); }
    /** The technical detail of the error, shown on demand; may be null. */
    public ReadOnlyStringProperty errorDetailsProperty() { return run.errorDetailsProperty(); }
    public ObservableList<String> messages() { return run.messages(); }
    /** What makes this run's timings misleading (workers against cores and memory, a busy machine), in words. */
    public ObservableList<String> warnings() { return run.warnings(); }
    /** Why nothing can run now (no dataset, no valid experiment), in words; null when a run can start. */
    public ReadOnlyStringProperty runBlockedProperty() { return inputs.runBlockedProperty(); }
    public ObservableList<WorkerRow> workerRows() { return workerTable.rows(); }
    /** One series per core, then the machine total last; % of the core or of the machine. */
    public ObservableList<XYChart.Series<Number, Number>> cpuSeries() { return charts.cpuSeries(); }
    /** Machine memory used, MiB. */
    public ObservableList<XYChart.Series<Number, Number>> memorySeries() { return charts.memorySeries(); }
    /** One per worker, % of one core. */
    public ObservableList<XYChart.Series<Number, Number>> workerCpuSeries() { return charts.workerCpuSeries(); }
    /** One per worker, MiB. */
    public ObservableList<XYChart.Series<Number, Number>> workerRssSeries() { return charts.workerRssSeries(); }
    /** The left edge of every live chart's time axis, seconds from the run's start. */
    public ReadOnlyDoubleProperty windowStartProperty() { return charts.windowStartProperty(); }
    /** The right edge of every live chart's time axis: two minutes after the left. */
    public ReadOnlyDoubleProperty windowEndProperty() { return charts.windowEndProperty(); }

    /**
     * The run so far, or the last run, whole: every sample and every trial on the timeline's clock,
     * as {@link WholeRunData#forStoredRun} gives a stored run. Call it on the FX thread.
     */
    public WholeRunData wholeRun() {
        synchronized (lock) {
            WholeRunData.Builder b = new WholeRunData.Builder(timeline.startMillis());
            charts.samples().forEach(p -> b.add(p.sample(), p.phase()));
            for (TimelineBar bar : timeline.bars()) {
                b.trial(new WholeRunData.TrialSpan(bar.lane(), bar.trial(), bar.kind(), bar.start(), bar.end(), bar.failed()));
            }
            return b.build(run.runningProperty().get() ? timeline.elapsedProperty().get() : 0);
        }
    }

    /**
     * The last run that finished, whole, as the store has it: read on the background executor,
     * handed over on the FX thread; nothing after a comparison, whose two phases only the live data
     * shows on one clock, or when no run finished.
     */
    public void loadStoredWholeRun(java.util.function.Consumer<WholeRunData> shown) {
        Long runId = run.finishedRunProperty().get();
        if (runId == null || !phase.isEmpty()) {
            return;
        }
        context.background().execute(() -> {
            try (Store store = Store.open(context.storeFile())) {
                WholeRunData stored = WholeRunData.forStoredRun(store, runId);
                fxThread.execute(() -> shown.accept(stored));
            } catch (StoreException | RuntimeException e) {
                // The live data stays on screen; the store's trouble shows where it is opened next.
            }
        });
    }
}
