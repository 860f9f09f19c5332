package io.kinefold.cluster;

import io.kinefold.exec.ExecutionListener;
import io.kinefold.exec.ExecutorFactory;
import io.kinefold.exec.RunMode;
import io.kinefold.exec.PoolExecutor;
import io.kinefold.exec.TrialExecutor;
import io.kinefold.exec.TrialScheduler;
import io.kinefold.exec.WorkerChoice;
import io.kinefold.exec.WorkerInit;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import io.kinefold.experiment.Workload;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs trials on the worker slots of cluster nodes with the pool mode's scheduler: longest
 * expected first, a trial whose worker (or node) is gone run again elsewhere, silence and trial
 * timeouts, cancel. Results come back here, to be stored by this process only.
 */
public final class ClusterExecutor implements TrialExecutor {
    /** How long the canary may take on every node, starts included: it is the run's cheapest network trial. */
    private static final double CANARY_SECONDS = 300;

    private final ClusterWorkerPool pool;
    private final TrialScheduler scheduler;
    private final Workload workload;
    private volatile boolean cancelled;

    ClusterExecutor(ClusterConnection cluster, Workload workload, WorkerChoice choice) {
        List<NodeInfo> usable = cluster.usableNodes();
        if (usable.isEmpty()) {
            throw new ClusterException("no node of this build is left in the cluster" + (cluster.refusals().isEmpty() ? ""
                    : ": " + String.join("; ", cluster.refusals())));
        }
        this.workload = workload;
        this.pool = new ClusterWorkerPool(cluster, WorkerInit.of(workload), usable);
        PoolExecutor.Options options = new PoolExecutor.Options(choice.workers(), false, 1000, 768L << 20, 3)
                .withTrialTimeout(choice.trialTimeoutSeconds());
        this.scheduler = new TrialScheduler(pool, options, t -> PoolExecutor.trainSamples(workload, t));
        scheduler.setCountReason(choice.reason());
    }

    @Override
    public void execute(List<Trial> trials, ExecutionListener listener) {
        Trial canary = Canary.pick(trials, t -> PoolExecutor.trainSamples(workload, t));
        if (canary == null) {
            scheduler.execute(trials, listener);
            return;
        }
        listener.message("canary trial " + canary.key() + ": on every node at once, then on a worker here beside the run's "
                + "first trials, whose results wait for the check");
        CompletableFuture<TrialResult> own = runHere(canary);
        pool.prepare(trials.size(), scheduler.target()); // the sessions the canary opens start the run's workers, JIT chosen for this many trials
        Canary.guard(pool, canary, own, CANARY_SECONDS, listener, new Canary.Run() {
            @Override
            public void execute(ExecutionListener gate) {
                scheduler.execute(trials, gate);
            }

            @Override
            public void stop() {
                scheduler.cancel();
            }

            @Override
            public boolean cancelled() {
                return ClusterExecutor.this.cancelled();
            }
        });
    }

    /** This machine's run of the canary trial, on a worker of its own. */
    private CompletableFuture<TrialResult> runHere(Trial canary) {
        CompletableFuture<TrialResult> own = new CompletableFuture<>();
        Thread here = new Thread(() -> {
            try (TrialExecutor local = ExecutorFactory.local(RunMode.SINGLE, workload, WorkerChoice.single())) {
                local.execute(List.of(canary), own::complete);
            } catch (RuntimeException e) {
                own.complete(TrialResult.failed(canary, String.valueOf(e.getMessage()), "here", 0));
            } finally {
                own.complete(null);
            }
        }, "kinefold-canary");
        here.setDaemon(true);
        here.start();
        return own;
    }

    @Override
    public void cancel() {
        cancelled = true;
        scheduler.cancel();
    }

    @Override
    public boolean cancelled() {
        return cancelled || scheduler.cancelled();
    }

    @Override
    public int workers() {
        return scheduler.target();
    }

    @Override
    public String countReason() {
        return scheduler.countReason();
    }

    @Override
    public void onNodeSample(java.util.function.BiConsumer<String, io.kinefold.monitor.ResourceSample> sink) {
        pool.onSample(sink);
    }


    @Override
    public void close() {
        scheduler.close();
    }
}
