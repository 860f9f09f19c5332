package io.kinefold.ui.run;

import io.kinefold.cluster.ClusterException;
import io.kinefold.cluster.ClusterExecutors;
import io.kinefold.cluster.NodeAddress;
import io.kinefold.data.Dataset;
import io.kinefold.data.DatasetException;
import io.kinefold.exec.CompareWorkflow;
import io.kinefold.exec.Comparer;
import io.kinefold.exec.PoolExecutor;
import io.kinefold.exec.RunCancel;
import io.kinefold.exec.RunMode;
import io.kinefold.exec.RunOutcome;
import io.kinefold.exec.ResumeRefusedException;
import io.kinefold.exec.RunService;
import io.kinefold.exec.RunWarnings;
import io.kinefold.exec.WorkerChoice;
import io.kinefold.exec.WorkerCount;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.SpecException;
import io.kinefold.store.RunHeldException;
import io.kinefold.store.Store;
import io.kinefold.store.StoreException;
import io.kinefold.ui.common.AppContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.StringProperty;

/**
 * Starts, resumes and cancels the view model's runs: checks what they would start with, resets the
 * run view's state, and runs the engine on the background executor with the store open.
 */
final class RunLauncher {
    private final AppContext context;
    private final Executor fxThread;
    private final RunViewModel.Engine engine;
    private final Object lock;
    private final StringProperty workers;
    private final RunStatus run;
    private final RunInputs inputs;
    private final RunTimeline timeline;
    private final WorkerTable workerTable;
    private final NodeTable nodeTable;
    private final LiveCharts charts;
    private final RunEvents events;
    private final Executor ui;
    private final StringProperty clusterAddress;

    // A fresh one for each run, so that a cancel of the last run does not reach the next.
    private volatile RunCancel cancel = new RunCancel();

    RunLauncher(AppContext context, Executor fxThread, RunViewModel.Engine engine, Object lock, StringProperty workers,
                RunStatus run, RunInputs inputs, RunTimeline timeline, WorkerTable workerTable, NodeTable nodeTable,
                LiveCharts charts, RunEvents events, Executor ui, StringProperty clusterAddress) {
        this.context = context;
        this.fxThread = fxThread;
        this.engine = engine;
        this.lock = lock;
        this.workers = workers;
        this.run = run;
        this.inputs = inputs;
        this.timeline = timeline;
        this.workerTable = workerTable;
        this.nodeTable = nodeTable;
        this.charts = charts;
        this.events = events;
        this.ui = ui;
        this.clusterAddress = clusterAddress;
    }

    /**
     * Prepares the spec of the Experiment tab on the open dataset and runs it on the background
     * executor: in the pool with the chosen worker count, in one worker process, or both one after
     * the other and compared. The future completes once the outcome is applied, with the outcome
     * of the (last) run, or null when nothing could start.
     */
    CompletableFuture<RunOutcome> start(RunViewModel.Mode mode) {
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
        Optional<WorkerChoice> parsed = mode == RunViewModel.Mode.SINGLE ? inputs.withTimeout(WorkerChoice.single(), why)
                : inputs.parseWorkers(workers.get(), why);
        if (parsed.isEmpty()) {
            refuse(why.toString(), null);
            applied.complete(null);
            return applied;
        }
        WorkerChoice choice = parsed.get();
        String address = clusterAddress.get() == null ? "" : clusterAddress.get().strip();
        if (mode == RunViewModel.Mode.CLUSTER) {
            try {
                NodeAddress.parseList(address);
            } catch (IllegalArgumentException e) {
                refuse("Cluster address: " + e.getMessage(), "Give one node of the cluster as HOST:PORT (kinefold node prints it).");
                applied.complete(null);
                return applied;
            }
        }
        resetForRun(mode == RunViewModel.Mode.CLUSTER ? "Joining the cluster at " + address + " …" : choice.reason(),
                "“" + chosen.name() + "”");
        RunCancel thisRun = cancel;
        if (mode == RunViewModel.Mode.CLUSTER) {
            inBackground(applied, store -> onCluster(store, address, chosen, dataset, choice, thisRun));
            return applied;
        }
        inBackground(applied, store -> {
            int n = mode == RunViewModel.Mode.SINGLE ? 1 : choice.workers();
            List<String> warnings = RunWarnings.before(n, false, engine.machine().get(), WorkerCount.INITIAL_FOOTPRINT);
            ui(() -> run.setWarnings(warnings));
            RunService.Prepared prepared = RunService.prepare(chosen, dataset.root(), Path.of("."));
            int trials = prepared.plan().trialCount();
            if (mode == RunViewModel.Mode.COMPARE) {
                return compare(new RunService(store), prepared, trials, choice, thisRun);
            }
            RunMode runMode = mode == RunViewModel.Mode.POOL ? RunMode.POOL : RunMode.SINGLE;
            ui(() -> {
                run.setStatus(runMode == RunMode.POOL ? "Running “" + chosen.name() + "” in a pool of " + choice.workers()
                        + (choice.workers() == 1 ? " worker" : " workers") : "Running “" + chosen.name() + "” in one worker process");
                run.setProgressText("0 / " + trials + " trials · starting workers");
            });
            RunOutcome outcome = new Comparer(new RunService(store), prepared).run(runMode.storeName(), choice.workers(),
                    thisRun.watching(engine.executors().of(runMode, choice)), events.listener()).outcome();
            ui(() -> run.applyOutcome(outcome, thisRun.requested()));
            return outcome;
        });
        return applied;
    }

    /**
     * Joins the cluster, runs every trial on its nodes' slots with this process as the only writer
     * of the store, and leaves the cluster; the nodes end whatever workers of the run are left.
     */
    private RunOutcome onCluster(Store store, String address, ExperimentSpec chosen, Dataset dataset, WorkerChoice asked,
                                 RunCancel thisRun) throws SpecException, DatasetException {
        RunService.Prepared prepared = RunService.prepare(chosen, dataset.root(), Path.of("."));
        int trials = prepared.plan().trialCount();
        ui(() -> {
            run.setStatus("Joining the cluster at " + address + " …");
            run.setProgressText("0 / " + trials + " trials · joining the cluster");
        });
        try (ClusterExecutors cluster = engine.cluster().apply(address)) {
            WorkerChoice choice = cluster.choice(asked);
            List<String> refusals = cluster.refusals();
            ui(() -> {
                run.setReason(choice.reason());
                run.setWarnings(refusals);
                run.setStatus("Running “" + chosen.name() + "” on the cluster: " + choice.reason());
                run.setProgressText("0 / " + trials + " trials · the canary trial first");
            });
            RunOutcome outcome = new Comparer(new RunService(store), prepared).run(RunMode.CLUSTER.storeName(), choice.workers(),
                    thisRun.watching(cluster.of(RunMode.CLUSTER, choice)), events.listener()).outcome();
            ui(() -> run.applyOutcome(outcome, thisRun.requested()));
            return outcome;
        } catch (ClusterException e) {
            uiFail("The cluster cannot be used", e.getMessage());
            return null;
        }
    }

    /**
     * Runs the trials a stored run still lacks, in the pool with the chosen worker count, on the
     * dataset and spec stored with it. The future completes once the outcome is applied.
     */
    CompletableFuture<RunOutcome> resume(long runId) {
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
                    thisRun.watching(engine.executors().of(choice.mode(), choice)), events.listener());
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
                .run(prepared, choice, engine.compareOptions(), events.compareProgress(trials, choice));
        if (outcome.compared()) {
            ui(() -> run.applyComparison(outcome.single(), outcome.pool(), outcome.result()));
        } else if (outcome.last() != null) {
            ui(() -> run.applyOutcome(outcome.last(), thisRun.requested()));
        } else {
            ui(run::applyCancelled);
        }
        return outcome.last();
    }


    /** Ends the run: workers are stopped, finished trials stay in the store. */
    void cancel() {
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
            nodeTable.clear();
            charts.clear();
        }
    }

    private void resetForRun(String countReason, String specName) {
        cancel = new RunCancel();
        synchronized (lock) {
            run.begin();
            events.clearPhase();
            timeline.clear();
            run.reset(countReason, specName);
            workerTable.clear();
            nodeTable.clear();
            charts.clear();
        }
    }

    private void ui(Runnable change) {
        ui.execute(change);
    }

    private void uiFail(String plain, String details) {
        ui(() -> run.failAndStop(plain, details));
    }
}
