package io.kinefold.cluster;

import io.kinefold.exec.ExecutionListener;
import io.kinefold.exec.PoolExecutor;
import io.kinefold.exec.PoolListener;
import io.kinefold.exec.WorkerInfo;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds a cluster run's results until the canary check is made, so that the nodes need not wait
 * for this machine's own run of the canary trial: they start on the run's trials at once, and
 * nothing they report is recorded before the check passed. When it passes, the held results go on
 * in the order they came; when it fails, they are dropped (and counted in the failure's message),
 * because they came from nodes whose results would depend on where a trial ran. Starts and log
 * lines pass at once, and so does news of the workers for a listener that takes it: the gate
 * hides nothing of the pool from its listener but the results.
 */
final class CanaryGate implements PoolListener {
    private final ExecutionListener next;
    private final List<TrialResult> held = new ArrayList<>();
    private boolean open;
    private PoolExecutor.PoolFailure failure;

    CanaryGate(ExecutionListener next) {
        this.next = next;
    }

    @Override
    public void trialStarted(Trial trial, String worker) {
        next.trialStarted(trial, worker);
    }

    @Override
    public synchronized void trialFinished(TrialResult result) {
        if (open) {
            next.trialFinished(result);
        } else if (failure == null) {
            held.add(result);
        }
    }

    @Override
    public void message(String text) {
        next.message(text);
    }

    @Override
    public void workerChanged(WorkerInfo worker) {
        if (next instanceof PoolListener pool) {
            pool.workerChanged(worker);
        }
    }

    /** The check passed (or could not be made, as {@code lines} say): the held results go on, and the later ones pass at once. */
    synchronized void pass(List<String> lines) {
        if (open || failure != null) {
            return;
        }
        lines.forEach(next::message);
        open = true;
        held.forEach(next::trialFinished);
        held.clear();
    }

    /** The check failed: the held results are dropped, and so is whatever comes later. */
    synchronized void fail(PoolExecutor.PoolFailure why) {
        if (open || failure != null) {
            return;
        }
        int dropped = held.size();
        held.clear();
        failure = new PoolExecutor.PoolFailure(why.getMessage() + (dropped == 0 ? ""
                : dropped == 1 ? "; the 1 result the nodes gave meanwhile is not recorded"
                : "; the " + dropped + " results the nodes gave meanwhile are not recorded"));
    }

    /** Whether the check was made, either way. */
    synchronized boolean settled() {
        return open || failure != null;
    }

    /** Why the run stops, or null. */
    synchronized PoolExecutor.PoolFailure failure() {
        return failure;
    }

    synchronized int held() {
        return held.size();
    }
}
