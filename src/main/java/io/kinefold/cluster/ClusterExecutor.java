package io.kinefold.cluster;

import io.kinefold.exec.ExecutionListener;
import io.kinefold.exec.PoolExecutor;
import io.kinefold.exec.TrialExecutor;
import io.kinefold.exec.TrialScheduler;
import io.kinefold.exec.WorkerChoice;
import io.kinefold.exec.WorkerInfo;
import io.kinefold.exec.WorkerInit;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.Workload;
import java.util.List;

/**
 * Runs trials on the worker slots of cluster nodes with the pool mode's scheduler: longest
 * expected first, a trial whose worker (or node) is gone run again elsewhere, silence and trial
 * timeouts, cancel. Results come back here, to be stored by this process only.
 */
public final class ClusterExecutor implements TrialExecutor {
    private final ClusterWorkerPool pool;
    private final TrialScheduler scheduler;

    ClusterExecutor(ClusterConnection cluster, Workload workload, WorkerChoice choice) {
        List<NodeInfo> usable = cluster.usableNodes();
        if (usable.isEmpty()) {
            throw new ClusterException("no node of this build is left in the cluster" + (cluster.refusals().isEmpty() ? ""
                    : ": " + String.join("; ", cluster.refusals())));
        }
        this.pool = new ClusterWorkerPool(cluster, WorkerInit.of(workload), usable);
        PoolExecutor.Options options = new PoolExecutor.Options(choice.workers(), false, 1000, 768L << 20, 3)
                .withTrialTimeout(choice.trialTimeoutSeconds());
        this.scheduler = new TrialScheduler(pool, options, t -> PoolExecutor.trainSamples(workload, t));
        scheduler.setCountReason(choice.reason());
    }

    @Override
    public void execute(List<Trial> trials, ExecutionListener listener) {
        scheduler.execute(trials, listener);
    }

    @Override
    public void cancel() {
        scheduler.cancel();
    }

    @Override
    public boolean cancelled() {
        return scheduler.cancelled();
    }

    @Override
    public int workers() {
        return scheduler.target();
    }

    @Override
    public String countReason() {
        return scheduler.countReason();
    }

    public List<WorkerInfo> workerInfos() {
        return pool.workers();
    }

    @Override
    public void close() {
        scheduler.close();
    }
}
