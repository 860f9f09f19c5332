package io.kinefold.exec;

import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import io.kinefold.model.Metrics;
import java.util.List;

/**
 * Reports every trial at once without training, those of grid point 1 as failed after their
 * retries when asked, or throws what it is given: for tests of how a run ends.
 */
public class InstantExecutor implements TrialExecutor {
    private final boolean failGridPointOne;
    private final RuntimeException thrown;

    public InstantExecutor(boolean failGridPointOne, RuntimeException thrown) {
        this.failGridPointOne = failGridPointOne;
        this.thrown = thrown;
    }

    /** Executors of every run of the given behaviour. */
    public static ExecutorFactory factory(boolean failGridPointOne, RuntimeException thrown) {
        return (mode, workload, choice) -> new InstantExecutor(failGridPointOne, thrown);
    }

    @Override
    public void execute(List<Trial> trials, ExecutionListener listener) {
        if (thrown != null) {
            throw thrown;
        }
        for (Trial t : trials) {
            listener.trialFinished(failGridPointOne && t.gridPoint() == 1
                    ? TrialResult.failed(t, "the worker died 3 times", "w1", 0.1)
                    : TrialResult.succeeded(t, new Metrics(0.5, 0.5, new int[][] {{1, 1}, {1, 1}}, 0.1, 1, 4, 4), "w1", 0.1));
        }
    }

    @Override
    public void cancel() {}

    @Override
    public boolean cancelled() {
        return false;
    }

    @Override
    public int workers() {
        return 1;
    }
}
