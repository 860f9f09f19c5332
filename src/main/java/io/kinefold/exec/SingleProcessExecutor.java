package io.kinefold.exec;

import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import io.kinefold.experiment.Workload;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/** Every trial one after another in this process: the baseline every pool is compared with. */
public final class SingleProcessExecutor implements TrialExecutor {
    public static final String WORKER = "main";

    private final Workload workload;
    private volatile boolean cancelled;

    public SingleProcessExecutor(Workload workload) {
        this.workload = workload;
    }

    @Override
    public void execute(List<Trial> trials, ExecutionListener listener) {
        for (Trial trial : trials) {
            if (cancelled) {
                return;
            }
            listener.trialStarted(trial, WORKER);
            TrialResult result;
            try {
                result = TrialRunner.run(workload, trial, WORKER, () -> cancelled);
            } catch (CancellationException e) {
                return;
            }
            listener.trialFinished(result);
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    @Override
    public int workers() {
        return 1;
    }

    @Override
    public String countReason() {
        return "1 worker: this process";
    }

    /** This process, which runs the trials. */
    @Override
    public Map<String, Long> workerPids() {
        return Map.of(WORKER, ProcessHandle.current().pid());
    }
}
