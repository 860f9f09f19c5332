package io.kinefold.ui.run;

import io.kinefold.cluster.ClusterExecutors;
import io.kinefold.exec.CompareWorkflow;
import io.kinefold.exec.ExecutorFactory;
import io.kinefold.exec.MachineState;
import io.kinefold.exec.RunOutcome;
import io.kinefold.monitor.MachineInfo;
import io.kinefold.monitor.ResourceSample;
import io.kinefold.ui.common.AppContext;
import io.kinefold.ui.common.WholeRunData;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * State of the run view: the spec designed in the Experiment tab and the worker count, and the
 * run (or comparison) in progress, started, sequenced and cancelled here. What it would start with
 * ({@link RunInputs}), where it stands ({@link RunStatus}), its timeline ({@link RunTimeline}),
 * workers ({@link WorkerTable}) and live charts ({@link LiveCharts}) are kept by helpers whose
 * lists and properties this class hands out; {@link RunLauncher} starts, resumes and cancels the
 * runs, {@link RunEvents} turns the engine's reports into that state, and {@link WholeRunLoader}
 * gives the whole run.
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
                         DoubleSupplier cpuLoad, Function<String, ClusterExecutors> cluster) {
        public static final Engine LOCAL = new Engine(ExecutorFactory.LOCAL, CompareWorkflow.Options.DEFAULT,
                MachineState::withoutLoad, () -> MachineInfo.cpuLoad(MachineState.LOAD_MILLIS));

        /** An engine whose cluster runs join the cluster at the address typed, under the default cluster name. */
        public Engine(ExecutorFactory executors, CompareWorkflow.Options compareOptions, Supplier<MachineState> machine,
                      DoubleSupplier cpuLoad) {
            this(executors, compareOptions, machine, cpuLoad, address -> ClusterExecutors.join(address, CLUSTER_NAME));
        }

        MachineState machineWithLoad() {
            MachineState m = machine.get();
            return new MachineState(m.cores(), m.availableBytes(), cpuLoad.getAsDouble());
        }
    }

    private final AppContext context;
    private final Executor fxThread;
    // With a direct executor (tests) updates arrive from the pool's and the monitor's threads at once.
    private final Object lock = new Object();

    private final StringProperty workers;
    private final RunStatus run = new RunStatus();
    private final RunInputs inputs;
    private final RunTimeline timeline = new RunTimeline();
    private final WorkerTable workerTable = new WorkerTable();
    private final NodeTable nodeTable = new NodeTable();
    private final StringProperty clusterAddress = new SimpleStringProperty(this, "clusterAddress", "127.0.0.1:5701");
    // The charts place samples on the timeline's clock: one clock for the whole view.
    private final LiveCharts charts = new LiveCharts(timeline::secondsAt);
    private final RunEvents events;
    private final RunLauncher launcher;
    private final WholeRunLoader loader;

    /** What the buttons start. */
    public enum Mode {
        /** Every trial in a pool of the chosen number of workers. */
        POOL,
        /** Every trial in one worker process. */
        SINGLE,
        /** Single-process, then the pool, then both compared. */
        COMPARE,
        /** Every trial on the worker slots of the cluster's nodes ({@code kinefold node}), at the cluster address. */
        CLUSTER
    }

    private static final String CLUSTER_PREFERENCE = "clusterAddress";

    /** The cluster name the workbench's cluster runs use: the nodes' default. */
    public static final String CLUSTER_NAME = "kinefold";

    public RunViewModel(AppContext context, Executor fxThread) {
        this(context, fxThread, Engine.LOCAL);
    }

    public RunViewModel(AppContext context, Executor fxThread, Engine engine) {
        this.context = context;
        this.fxThread = fxThread;
        this.workers = context.workersProperty();
        this.inputs = new RunInputs(context, run, this::ui, engine.machine());
        this.events = new RunEvents(run, timeline, workerTable, nodeTable, charts, this::ui);
        this.launcher = new RunLauncher(context, fxThread, engine, lock, workers, run, inputs, timeline, workerTable, nodeTable,
                charts, events, this::ui, clusterAddress);
        String remembered = context.preferences().get(CLUSTER_PREFERENCE, null);
        if (remembered != null) {
            clusterAddress.set(remembered);
        }
        clusterAddress.addListener((obs, old, text) -> context.preferences().put(CLUSTER_PREFERENCE, text == null ? "" : text));
        this.loader = new WholeRunLoader(context, fxThread, lock, run, timeline, charts, events);
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
        return launcher.start(mode);
    }

    /**
     * Runs the trials a stored run still lacks, in the pool with the chosen worker count, on the
     * dataset and spec stored with it. The future completes once the outcome is applied.
     */
    public CompletableFuture<RunOutcome> resume(long runId) {
        return launcher.resume(runId);
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
        launcher.cancel();
    }

    private void ui(Runnable change) {
        fxThread.execute(() -> {
            synchronized (lock) {
                change.run();
            }
        });
    }

    /** A monitor sample in the charts, the timeline's clock and the workers table; under the lock, on the UI executor. */
    void sampled(ResourceSample sample) {
        events.sampled(sample);
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
    /** The cluster nodes of the run, live; empty for a run on this machine. */
    public ObservableList<NodeRow> nodeRows() { return nodeTable.rows(); }
    /** Where a cluster run goes: {@code HOST:PORT[,…]} of one node or more; remembered. */
    public StringProperty clusterAddressProperty() { return clusterAddress; }
    /** Each cluster node's machine CPU, % of its cores, over the last two minutes. */
    public ObservableList<XYChart.Series<Number, Number>> nodeCpuSeries() { return charts.nodeCpuSeries(); }
    /** Each cluster node's memory in use, MiB. */
    public ObservableList<XYChart.Series<Number, Number>> nodeMemorySeries() { return charts.nodeMemorySeries(); }
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
        return loader.wholeRun();
    }

    /**
     * The last run that finished, whole, as the store has it: read on the background executor,
     * handed over on the FX thread; nothing after a comparison, whose two phases only the live data
     * shows on one clock, or when no run finished.
     */
    public void loadStoredWholeRun(java.util.function.Consumer<WholeRunData> shown) {
        loader.loadStoredWholeRun(shown);
    }
}
