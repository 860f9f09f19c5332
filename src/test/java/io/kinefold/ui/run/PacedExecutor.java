package io.kinefold.ui.run;

import io.kinefold.exec.ExecutionListener;
import io.kinefold.exec.ExecutorFactory;
import io.kinefold.exec.TrialExecutor;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import io.kinefold.model.Metrics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Finishes a run's trials evenly over a fixed time without training, or holds them until
 * cancelled; this JVM stands in as worker w1, so the monitor samples a worker. For tests of what
 * the run view shows while work goes on.
 */
final class PacedExecutor implements TrialExecutor {
    private final double seconds;
    private final CountDownLatch cancelled = new CountDownLatch(1);

    /** @param seconds how long a run takes; infinite to run until cancelled */
    PacedExecutor(double seconds) {
        this.seconds = seconds;
    }

    static ExecutorFactory factory(double seconds) {
        return (mode, workload, choice) -> new PacedExecutor(seconds);
    }

    @Override
    public void execute(List<Trial> trials, ExecutionListener listener) {
        long each = Double.isInfinite(seconds) ? Long.MAX_VALUE : (long) (seconds * 1000 / Math.max(1, trials.size()));
        for (Trial t : trials) {
            listener.trialStarted(t, "w1");
            try {
                if (cancelled.await(each, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            listener.trialFinished(TrialResult.succeeded(t, new Metrics(0.5, 0.5, new int[][] {{1, 1}, {1, 1}}, 0.1, 1, 4, 4),
                    "w1", each / 1000.0));
        }
    }

    @Override
    public void cancel() {
        cancelled.countDown();
    }

    @Override
    public boolean cancelled() {
        return cancelled.getCount() == 0;
    }

    @Override
    public int workers() {
        return 1;
    }

    @Override
    public Map<String, Long> workerPids() {
        return Map.of("w1", ProcessHandle.current().pid());
    }
}
