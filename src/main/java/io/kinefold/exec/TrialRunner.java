package io.kinefold.exec;

import io.kinefold.experiment.Baseline;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import io.kinefold.experiment.Workload;
import io.kinefold.kind.KindSpec;
import io.kinefold.kind.Kinds;
import io.kinefold.model.Baselines;
import io.kinefold.model.Hyperparameters;
import io.kinefold.model.Metrics;
import io.kinefold.model.Trainer;
import io.kinefold.monitor.NativeMemory;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/** Runs one trial in this process: the shared body of every executor and worker. */
public final class TrialRunner {
    private TrialRunner() {}

    /**
     * Trains and evaluates one trial; a failure becomes a FAILED result with its reason.
     *
     * @throws CancellationException when cancelled mid-trial
     */
    public static TrialResult run(Workload workload, Trial trial, String worker, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        try {
            Workload.TrialData data = workload.data(trial);
            int patience = workload.spec().earlyStopping() == null ? Integer.MAX_VALUE : workload.spec().earlyStopping().patience();
            Baseline baseline = trial.baseline();
            if (baseline != null) {
                Metrics metrics = switch (baseline) {
                    case MAJORITY -> Baselines.majority(data.train(), data.test(), data.classes());
                    case NEAREST -> Baselines.nearest(data.train(), data.test(), data.classes());
                };
                return TrialResult.succeeded(trial, metrics, worker, (System.nanoTime() - started) / 1e9);
            }
            KindSpec kind = Kinds.of(trial.model());
            Hyperparameters params = kind.hyperparameters(trial.params());
            Metrics metrics = Trainer.fit((features, classes, weights) -> kind.network(params, features, classes, weights),
                    params, data.classes(), data.train(), data.validation(), patience, data.test(), workload.trialSeed(trial), cancelled);
            return TrialResult.succeeded(trial, metrics, worker, (System.nanoTime() - started) / 1e9);
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError e) {
            String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return TrialResult.failed(trial, reason, worker, (System.nanoTime() - started) / 1e9);
        } finally {
            // Native buffers are freed only when Java collects their owners, and glibc keeps
            // what was freed: without collecting, a process grows by hundreds of MB over many
            // fits. Collecting after every trial costs more than a small trial, so only on growth.
            NativeMemory.releaseIfGrown();
        }
    }
}
