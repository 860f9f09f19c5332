package io.kinefold.exec;

import io.kinefold.data.Dataset;
import io.kinefold.data.DatasetException;
import io.kinefold.data.DatasetLoader;
import io.kinefold.experiment.DatasetChange;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.ModelFacts;
import io.kinefold.experiment.Plan;
import io.kinefold.experiment.Planner;
import io.kinefold.experiment.Provenance;
import io.kinefold.experiment.Results;
import io.kinefold.experiment.RunInfo;
import io.kinefold.experiment.RunReport;
import io.kinefold.experiment.SpecException;
import io.kinefold.experiment.SpecIo;
import io.kinefold.experiment.Status;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import io.kinefold.experiment.Workload;
import io.kinefold.monitor.ResourceSample;
import io.kinefold.monitor.ResourceSampler;
import io.kinefold.monitor.ResourceSummary;
import io.kinefold.store.Store;
import io.kinefold.store.RunHeldException;
import io.kinefold.store.StoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
/**
 * The engine's one way to run an experiment, for the command line and the GUI alike: load and
 * check, store the run, execute what is not done yet, record every result the moment it
 * arrives, and summarise. A run interrupted at any point resumes from the store.
 */
public final class RunService {
    /** How often the monitor samples the machine and the workers. */
    public static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(1);

    private final Store store;

    public RunService(Store store) {
        this.store = store;
    }

    public Store store() {
        return store;
    }

    /** A spec loaded against its dataset and checked: ready to run or to count. */
    public record Prepared(ExperimentSpec spec, Path datasetDir, Dataset dataset, Plan plan, Workload workload) {}

    /**
     * Loads the dataset (the spec's, or {@code datasetOverride}) and plans the spec on it,
     * refusing a plan of more than {@link Planner#MAX_TRIALS} trials.
     *
     * @param base folder a relative dataset path in the spec is resolved against
     */
    public static Prepared prepare(ExperimentSpec spec, Path datasetOverride, Path base) throws SpecException, DatasetException {
        return prepare(spec, datasetOverride, base, false);
    }

    /**
     * Loads the dataset and plans the spec on it.
     *
     * @param allowLarge whether a plan may have more than {@link Planner#MAX_TRIALS} trials
     */
    public static Prepared prepare(ExperimentSpec spec, Path datasetOverride, Path base, boolean allowLarge)
            throws SpecException, DatasetException {
        Path dir;
        if (datasetOverride != null) {
            dir = datasetOverride;
        } else if (spec.dataset() != null) {
            dir = base.resolve(spec.dataset());
        } else {
            throw new SpecException("dataset: the spec names no dataset; give one with --dataset");
        }
        dir = dir.toAbsolutePath().normalize();
        Dataset dataset = DatasetLoader.load(dir);
        ExperimentSpec resolved = spec.withDataset(dir.toString());
        Plan plan = Planner.plan(resolved, dataset, allowLarge ? Long.MAX_VALUE : Planner.MAX_TRIALS);
        return new Prepared(resolved, dir, dataset, plan, new Workload(dataset, resolved));
    }

    /** Stores a new run of the prepared spec and returns its id. */
    public long createRun(Prepared prepared, String mode, int workers) {
        long experiment = store.createExperiment(prepared.spec());
        long runId = store.createRun(experiment, mode, workers, prepared.datasetDir().toString(),
                Provenance.here(prepared.workload()), prepared.plan().trialCount());
        store.recordRunModels(runId, ModelFacts.of(prepared.plan(), prepared.workload()));
        return runId;
    }

    /**
     * Loads what a stored run needs to go on, its spec and dataset, after checking that it may go
     * on: no other live process holds it, and its dataset is the one it started on.
     *
     * @throws ResumeRefusedException naming the holder (host, pid) or the recordings that changed
     */
    public Prepared prepareResume(long runId) throws StoreException, SpecException, DatasetException, ResumeRefusedException {
        checkNotHeld(runId);
        Prepared prepared = prepareStored(runId);
        checkSameDataset(runId, prepared);
        return prepared;
    }

    /**
     * Refuses a run that another live process holds; cheap, so a face can ask before it loads the dataset.
     *
     * @throws ResumeRefusedException naming the holder's host and pid
     */
    public void checkNotHeld(long runId) throws ResumeRefusedException {
        var holder = store.liveHolder(runId);
        if (holder.isPresent()) {
            throw new ResumeRefusedException(holder.get().describe(java.time.Instant.now())
                    + "; resume refused (it may be resumed once that process has ended)");
        }
    }

    /** The stored run's spec planned on its dataset as it is now, without checks; a resumed run is never too large. */
    Prepared prepareStored(long runId) throws StoreException, SpecException, DatasetException {
        RunInfo run = store.run(runId).orElseThrow(() -> new StoreException("no run " + runId + " in " + store.file()));
        ExperimentSpec spec = store.spec(runId);
        return prepare(spec, Path.of(run.dataset()), Path.of("."), true);
    }

    /** Refuses a dataset whose fingerprint is not the one stored when the run started. */
    private void checkSameDataset(long runId, Prepared prepared) throws ResumeRefusedException {
        String what = datasetChange(runId, prepared);
        if (what != null) {
            throw new ResumeRefusedException("run " + runId + ": " + prepared.datasetDir() + ": " + what
                    + "; resume refused, as it would mix results of two datasets (start a new run instead)");
        }
    }

    /**
     * How the prepared dataset differs from the one the run started on, in words, or null when it
     * does not (or the run stored no fingerprint to compare with).
     */
    String datasetChange(long runId, Prepared prepared) {
        Provenance stored = store.provenance(runId);
        if (stored == null || stored.datasetFingerprint() == null) {
            return null; // nothing to compare with
        }
        String now = prepared.workload().fingerprint();
        if (now.equals(stored.datasetFingerprint())) {
            return null;
        }
        if (stored.recordingFingerprints() == null) {
            return "the dataset differs from the one the run started on (fingerprint " + stored.datasetFingerprint()
                    + ", now " + now + "); this run was stored without per-recording fingerprints, so which recordings "
                    + "changed is not known";
        }
        return "the dataset differs from the one the run started on: "
                + DatasetChange.between(stored.recordingFingerprints(), prepared.workload().recordingFingerprints()).describe();
    }

    /**
     * Runs every trial of the run that has no stored result yet, on an executor made for the
     * remaining trials, and returns when they are done or the executor was cancelled. The run
     * ends SUCCEEDED only when every trial succeeded; a trial that failed after its retries makes
     * it FAILED (a resume runs the failed trials again), a cancel CANCELLED. Whatever way this
     * method is left, an exception included, the stored status is terminal and the session ended.
     *
     * @throws RunHeldException if another live process holds the run; nothing is changed then
     */
    public RunOutcome execute(long runId, Prepared prepared, Function<Workload, TrialExecutor> executors, RunListener listener) {
        Set<String> done = store.succeededTrialKeys(runId);
        List<Trial> todo = prepared.plan().trials().stream().filter(t -> !done.contains(t.key())).toList();
        int total = prepared.plan().trialCount();
        Session session;
        try (RunLease lease = RunLease.take(store, runId)) {
            store.setRunStatus(runId, Status.RUNNING);
            try {
                session = runTrials(runId, lease.session(), todo, total, prepared, executors, listener);
            } catch (RuntimeException | Error e) {
                try {
                    store.setRunStatus(runId, Status.FAILED);
                } catch (RuntimeException again) {
                    e.addSuppressed(again);
                }
                throw e;
            }
            List<TrialResult> results = store.trialResults(runId);
            int failed = (int) results.stream().filter(r -> r.status() != Status.SUCCEEDED).count();
            Status status = status(results.size() >= total, failed, session.cancelled());
            store.setRunStatus(runId, status);
            lease.close();
            RunInfo info = store.run(runId).orElseThrow();
            return new RunOutcome(runId, status, total, session.ranNow(), failed, info.wallSeconds(), session.workers(),
                    Results.summarize(prepared.plan(), prepared.workload(), results), session.resources(), session.choice(),
                    trialsByWorker(results));
        }
    }

    private static Map<String, Integer> trialsByWorker(List<TrialResult> results) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (TrialResult r : results) {
            if (r.worker() != null && !r.worker().isEmpty()) {
                counts.merge(r.worker(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * A run's status once its executor returned: every trial recorded and none failed is success;
     * a cancel that left trials undone is a cancel; anything else (failed trials, an executor
     * that gave up early) is a failure.
     */
    static Status status(boolean allRecorded, int failedTrials, boolean cancelled) {
        if (allRecorded && failedTrials == 0) {
            return Status.SUCCEEDED;
        }
        return cancelled && !allRecorded ? Status.CANCELLED : Status.FAILED;
    }

    /** What one session of a run measured. */
    private record Session(int ranNow, int workers, boolean cancelled, String choice, ResourceSummary resources) {}

    private Session runTrials(long runId, long session, List<Trial> todo, int total, Prepared prepared,
                              Function<Workload, TrialExecutor> executors, RunListener listener) {
        long started = System.nanoTime();
        AtomicInteger finished = new AtomicInteger(total - todo.size());
        AtomicInteger ranNow = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Map<String, Long> reportedRss = new java.util.concurrent.ConcurrentHashMap<>();
        try (TrialExecutor executor = executors.apply(prepared.workload());
             ResourceSampler sampler = new ResourceSampler(SAMPLE_INTERVAL, executor::workerPids, sample -> {
                 store.recordSamples(runId, sample.toRows(runId));
                 listener.sample(sample);
             })) {
            executor.onNodeSample((node, sample) -> {
                store.recordSamples(runId, sample.toRows(runId, node));
                listener.nodeSample(node, sample);
            });
            sampler.start();
            int workers = executor.workers();
            TimeLeft timeLeft = TimeLeft.of(todo, prepared, RunEstimate.Calibration.fromStore(store, 300), workers);
            store.setRunWorkers(runId, workers);
            if (!todo.isEmpty()) {
                listener.message(todo.size() + " of " + total + " trials to run on " + workers + " worker" + (workers == 1 ? "" : "s"));
            }
            executor.execute(todo, new PoolListener() {
                @Override
                public void workerChanged(WorkerInfo worker) {
                    if (worker.rssBytes() > 0) {
                        reportedRss.merge(worker.name(), worker.rssBytes(), Math::max);
                    }
                    listener.workerChanged(worker);
                }

                @Override
                public void trialStarted(Trial trial, String worker) {
                    listener.trialStarted(trial, worker);
                }

                @Override
                public void trialFinished(TrialResult result) {
                    store.recordTrial(runId, session, result);
                    int n = finished.incrementAndGet();
                    ranNow.incrementAndGet();
                    if (result.status() == Status.FAILED) {
                        failed.incrementAndGet();
                        listener.message(result.trial().key() + " failed: " + result.error());
                    }
                    double elapsed = (System.nanoTime() - started) / 1e9;
                    double remaining;
                    synchronized (timeLeft) {
                        remaining = timeLeft.finished(result.trial(), elapsed);
                    }
                    listener.progress(new Progress(n, total, failed.get(), elapsed, remaining, result));
                }

                @Override
                public void message(String text) {
                    listener.message(text);
                }
            });
            sampler.close();
            return new Session(ranNow.get(), workers, executor.cancelled(), executor.countReason(),
                    sampler.summary().withReportedRss(reportedRss));
        }
    }

    /** Everything stored about a run, summarised, for export. */
    public RunReport report(long runId) throws StoreException, SpecException, DatasetException {
        RunInfo info = store.run(runId).orElseThrow(() -> new StoreException("no run " + runId + " in " + store.file()));
        List<TrialResult> results = store.trialResults(runId);
        List<ModelFacts> facts = store.runModels(runId);
        if (!facts.isEmpty()) {
            // What the run stored is enough: the dataset may have moved since.
            ExperimentSpec spec = store.spec(runId);
            Plan plan = Planner.replan(spec, facts.stream().map(ModelFacts::model).toList());
            return new RunReport(info, spec, store.provenance(runId), Results.summarize(plan, facts, results), results);
        }
        // Runs stored before version 4 of the store kept no classes: read them from the dataset.
        Prepared prepared = prepareStored(runId);
        return new RunReport(info, prepared.spec(), store.provenance(runId),
                Results.summarize(prepared.plan(), prepared.workload(), results), results);
    }
}
