package io.kinefold.exec;

import io.kinefold.data.Dataset;
import io.kinefold.data.DatasetException;
import io.kinefold.data.DatasetLoader;
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
     * Loads the dataset (the spec's, or {@code datasetOverride}) and plans the spec on it.
     *
     * @param base folder a relative dataset path in the spec is resolved against
     */
    public static Prepared prepare(ExperimentSpec spec, Path datasetOverride, Path base) throws SpecException, DatasetException {
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
        Plan plan = Planner.plan(resolved, dataset);
        return new Prepared(resolved, dir, dataset, plan, new Workload(dataset, resolved));
    }

    /** Stores a new run of the prepared spec and returns its id. */
    public long createRun(Prepared prepared, String mode, int workers) {
        long experiment = store.createExperiment(prepared.spec());
        long runId = store.createRun(experiment, mode, workers, prepared.datasetDir().toString(),
                Provenance.here(prepared.workload().fingerprint()), prepared.plan().trialCount());
        store.recordRunModels(runId, ModelFacts.of(prepared.plan(), prepared.workload()));
        return runId;
    }

    /** Loads what a stored run needs to go on: its spec and dataset. */
    public Prepared prepareResume(long runId) throws StoreException, SpecException, DatasetException {
        RunInfo run = store.run(runId).orElseThrow(() -> new StoreException("no run " + runId + " in " + store.file()));
        ExperimentSpec spec = store.spec(runId);
        return prepare(spec, Path.of(run.dataset()), Path.of("."));
    }

    /**
     * Runs every trial of the run that has no stored result yet, on an executor made for the
     * remaining trials, and returns when they are done or the executor was cancelled.
     */
    public RunOutcome execute(long runId, Prepared prepared, Function<Workload, TrialExecutor> executors, RunListener listener) {
        Set<String> done = store.succeededTrialKeys(runId);
        List<Trial> todo = prepared.plan().trials().stream().filter(t -> !done.contains(t.key())).toList();
        int total = prepared.plan().trialCount();
        long session = store.startSession(runId);
        store.setRunStatus(runId, Status.RUNNING);
        long started = System.nanoTime();
        AtomicInteger finished = new AtomicInteger(total - todo.size());
        AtomicInteger ranNow = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        int workers;
        boolean cancelled;
        String choice;
        ResourceSummary resources;
        Map<String, Long> reportedRss = new java.util.concurrent.ConcurrentHashMap<>();
        try (TrialExecutor executor = executors.apply(prepared.workload());
             ResourceSampler sampler = new ResourceSampler(SAMPLE_INTERVAL, executor::workerPids, sample -> {
                 store.recordSamples(runId, sample.toRows(runId));
                 listener.sample(sample);
             })) {
            sampler.start();
            workers = executor.workers();
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
                    int now = ranNow.incrementAndGet();
                    if (result.status() == Status.FAILED) {
                        failed.incrementAndGet();
                        listener.message(result.trial().key() + " failed: " + result.error());
                    }
                    double elapsed = (System.nanoTime() - started) / 1e9;
                    double remaining = elapsed / now * (total - n);
                    listener.progress(new Progress(n, total, failed.get(), elapsed, remaining, result));
                }

                @Override
                public void message(String text) {
                    listener.message(text);
                }
            });
            cancelled = executor.cancelled();
            choice = executor.countReason();
            sampler.close();
            resources = sampler.summary().withReportedRss(reportedRss);
        } finally {
            store.endSession(session, (System.nanoTime() - started) / 1e9);
        }
        List<TrialResult> results = store.trialResults(runId);
        boolean complete = results.size() >= total;
        Status status = complete ? Status.SUCCEEDED : (cancelled ? Status.CANCELLED : Status.FAILED);
        store.setRunStatus(runId, status);
        int failedAll = (int) results.stream().filter(r -> r.status() == Status.FAILED).count();
        RunInfo info = store.run(runId).orElseThrow();
        return new RunOutcome(runId, status, total, ranNow.get(), failedAll, info.wallSeconds(), workers,
                Results.summarize(prepared.plan(), prepared.workload(), results), resources, choice);
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
        Prepared prepared = prepareResume(runId);
        return new RunReport(info, prepared.spec(), store.provenance(runId),
                Results.summarize(prepared.plan(), prepared.workload(), results), results);
    }
}
