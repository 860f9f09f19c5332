package io.kinefold.ui.run;

import static io.kinefold.exec.Progress.clock;

import io.kinefold.exec.CompareListener;
import io.kinefold.exec.CompareWorkflow;
import io.kinefold.exec.Comparer;
import io.kinefold.exec.CpuReference;
import io.kinefold.exec.Progress;
import io.kinefold.exec.RunListener;
import io.kinefold.exec.WorkerChoice;
import io.kinefold.exec.WorkerInfo;
import io.kinefold.experiment.Status;
import io.kinefold.experiment.Trial;
import io.kinefold.monitor.ResourceSample;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the engine's reports (trials, progress, monitor samples, workers, a comparison's phases)
 * into the run view's state, through the UI executor {@code ui}, which holds the view model's lock.
 */
final class RunEvents {
    private static final Logger LOG = LoggerFactory.getLogger(RunViewModel.class);

    private final RunStatus run;
    private final RunTimeline timeline;
    private final WorkerTable workerTable;
    private final NodeTable nodeTable;
    private final LiveCharts charts;
    private final Executor ui;
    // In a comparison, "single " or "pool " before worker names, so that the two phases' w1 differ.
    private String phase = "";

    RunEvents(RunStatus run, RunTimeline timeline, WorkerTable workerTable, NodeTable nodeTable, LiveCharts charts, Executor ui) {
        this.run = run;
        this.timeline = timeline;
        this.workerTable = workerTable;
        this.nodeTable = nodeTable;
        this.charts = charts;
        this.ui = ui;
    }

    /** A listener for one run. */
    RunListener listener() {
        return new Listener();
    }

    /** A listener for a comparison of the given number of trials. */
    CompareListener compareProgress(int trials, WorkerChoice choice) {
        return new CompareProgress(trials, choice);
    }

    /** The current comparison phase's prefix; empty outside a comparison. */
    String phase() {
        return phase;
    }

    /** A new run: no phase. */
    void clearPhase() {
        phase = "";
    }

    private void ui(Runnable change) {
        ui.execute(change);
    }

    private static void guarded(String part, Runnable update) {
        try {
            update.run();
        } catch (RuntimeException e) {
            LOG.warn("Run view: the {} could not take a monitor sample", part, e);
        }
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
                    nodeTable.trialFinished(p.last().worker());
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
            ui(() -> {
                workerTable.changed(phase + worker.name(), worker);
                nodeTable.workerChanged(worker);
            });
        }

        @Override
        public void nodeSample(String node, ResourceSample sample) {
            ui(() -> {
                guarded("node charts", () -> charts.applyNode(node, sample, phase));
                guarded("workers table", () -> workerTable.nodeSampled(node, sample, phase));
                guarded("nodes table", () -> nodeTable.sampled(node, sample));
            });
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
}
