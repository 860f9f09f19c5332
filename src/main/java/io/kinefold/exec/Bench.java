package io.kinefold.exec;

import io.kinefold.data.DatasetException;
import io.kinefold.data.ModelKind;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.ModelGrid;
import io.kinefold.experiment.SpecException;
import io.kinefold.experiment.Status;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import io.kinefold.kind.Kinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixed set of trials of each model kind, run in one worker exactly as a run would run them,
 * and what they cost: per kind the mean training time per trial, per epoch and per batch step,
 * and the worker's resident and native memory. {@code kinefold bench} prints it; it is how the
 * cost of a trial is tracked from one version to the next.
 *
 * <p>The trials are those of {@link #spec}: one grid point per kind, the presets' defaults, every
 * epoch (no early stopping), 3 folds. They are run {@code rounds} times; the first round also
 * pays for the worker's JIT compiler warming up and is reported but not counted.
 */
public final class Bench {
    /** Folds of the bench spec: three trials per kind per round. */
    static final int FOLDS = 3;

    private Bench() {}

    /** Figures of one kind over the counted rounds. */
    public record KindFigures(String kind, String model, Map<String, Double> params, int trials, double meanTrialSeconds,
                              double meanEpochSeconds, double meanStepMillis, double stepsPerTrial, double meanAccuracy,
                              double firstRoundTrialSeconds) {}

    /**
     * What a bench found.
     *
     * @param rounds rounds run; the first is not counted when there are several
     * @param workerPeakRssBytes the worker's largest resident memory after a trial
     * @param workerLastRssBytes its resident memory after the last trial
     * @param workerNativeBytes native heap in use in it after the last trial (malloc: ND4J's arrays and work buffers)
     * @param workerStartSeconds from starting the worker's JVM to its having taken the dataset
     * @param profile the flight recording of the worker, or null without {@code --profile}
     */
    public record Report(String dataset, int rounds, List<KindFigures> kinds, double workerStartSeconds, long workerPeakRssBytes,
                         long workerLastRssBytes, long workerNativeBytes, int failedTrials, double wallSeconds, String profile) {}

    /** One grid point per kind, with the hyperparameters' defaults, on the dataset's first exercise. */
    public static ExperimentSpec spec(Path datasetDir) {
        List<ModelGrid> models = Kinds.all().stream()
                .map(k -> new ModelGrid(k.perExercise() ? k.kind().name() + ":*" : k.kind().name(), Map.of()))
                .toList();
        return new ExperimentSpec(ExperimentSpec.FORMAT, "bench", datasetDir.toString(), FOLDS, 7, null, models);
    }

    /**
     * Runs the bench.
     *
     * @param profileDir where the worker leaves its flight recording, or null not to record one
     */
    public static Report run(Path datasetDir, int rounds, Path profileDir, ExecutionListener listener)
            throws SpecException, DatasetException, IOException {
        // Both compilers, as a long run gets them: the bench measures a warm worker.
        WorkerLauncher launcher = new WorkerLauncher().withJit(WorkerLauncher.Jit.FULL);
        if (profileDir != null) {
            Files.createDirectories(profileDir);
            launcher.profilingInto(profileDir);
        }
        return run(datasetDir, rounds, launcher, profileDir, listener);
    }

    static Report run(Path datasetDir, int rounds, WorkerLauncher launcher, Path profileDir, ExecutionListener listener)
            throws SpecException, DatasetException {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, was " + rounds);
        }
        RunService.Prepared prepared = RunService.prepare(spec(datasetDir), null, Path.of("."));
        List<Trial> once = onePerKind(prepared.plan().trials());
        List<Trial> trials = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            trials.addAll(once);
        }
        List<TrialResult> results = new ArrayList<>();
        long[] memory = new long[3]; // peak RSS, last RSS, last native bytes
        String[] workerName = new String[1];
        long[] startedAt = new long[2]; // worker launched, worker ready (nanoTime)
        PoolListener collector = new PoolListener() {
            @Override
            public void trialFinished(TrialResult result) {
                synchronized (results) {
                    results.add(result);
                }
                listener.trialFinished(result);
            }

            @Override
            public void workerChanged(WorkerInfo worker) {
                workerName[0] = worker.name();
                if (worker.status() == Status.QUEUED && startedAt[0] == 0) {
                    startedAt[0] = System.nanoTime();
                } else if (worker.status() == Status.RUNNING && startedAt[1] == 0) {
                    startedAt[1] = System.nanoTime();
                }
                if (worker.rssBytes() > 0) {
                    memory[0] = Math.max(memory[0], worker.rssBytes());
                    memory[1] = worker.rssBytes();
                    memory[2] = worker.nativeBytes();
                }
            }

            @Override
            public void message(String text) {
                listener.message(text);
            }
        };
        long started = System.nanoTime();
        try (TrialExecutor pool = ExecutorFactory.benchWorker(prepared.workload(), launcher)) {
            pool.execute(trials, collector);
        }
        double wall = (System.nanoTime() - started) / 1e9;
        String profile = profileDir == null || workerName[0] == null ? null
                : profileDir.resolve(workerName[0] + ".jfr").toAbsolutePath().toString();
        double startSeconds = startedAt[1] == 0 ? Double.NaN : (startedAt[1] - startedAt[0]) / 1e9;
        return new Report(prepared.datasetDir().toString(), rounds, figures(once, results, rounds), startSeconds, memory[0], memory[1],
                memory[2], (int) results.stream().filter(r -> r.status() != Status.SUCCEEDED).count(), wall, profile);
    }

    /** The bench spec plans every exercise; one model of each kind is enough to measure a kind. */
    private static List<Trial> onePerKind(List<Trial> planned) {
        Map<ModelKind, String> chosen = new LinkedHashMap<>();
        List<Trial> kept = new ArrayList<>();
        for (Trial t : planned) {
            if (t.baseline() != null) {
                continue; // the bench times networks
            }
            String model = chosen.computeIfAbsent(t.model().kind(), k -> t.model().toString());
            if (model.equals(t.model().toString())) {
                kept.add(t);
            }
        }
        return kept;
    }

    /**
     * Per kind, over every round but the first (over the only round when there is one): the mean
     * training seconds per trial and per epoch, and the seconds of all those trials over all their
     * batch steps (folds differ a little in size, so in steps).
     */
    static List<KindFigures> figures(List<Trial> once, List<TrialResult> results, int rounds) {
        Map<String, List<TrialResult>> byKind = new LinkedHashMap<>();
        for (Trial t : once) {
            byKind.computeIfAbsent(kindName(t), k -> new ArrayList<>());
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        Map<String, List<Double>> firstRound = new LinkedHashMap<>();
        List<TrialResult> ordered;
        synchronized (results) {
            ordered = List.copyOf(results);
        }
        for (TrialResult r : ordered) {
            if (r.status() != Status.SUCCEEDED) {
                continue;
            }
            int round = seen.merge(r.trial().key(), 1, Integer::sum);
            if (round == 1 && rounds > 1) {
                firstRound.computeIfAbsent(kindName(r.trial()), k -> new ArrayList<>()).add(r.metrics().trainSeconds());
            } else {
                byKind.get(kindName(r.trial())).add(r);
            }
        }
        List<KindFigures> figures = new ArrayList<>();
        for (var entry : byKind.entrySet()) {
            List<TrialResult> rs = entry.getValue();
            Trial sample = once.stream().filter(t -> kindName(t).equals(entry.getKey())).findFirst().orElseThrow();
            int batch = sample.params().getOrDefault("batchSize", 1.0).intValue();
            double seconds = 0, perEpoch = 0, accuracy = 0;
            long steps = 0;
            for (TrialResult r : rs) {
                var m = r.metrics();
                int trialSteps = m.epochs() * ((m.trainSamples() + batch - 1) / batch);
                seconds += m.trainSeconds();
                perEpoch += m.trainSeconds() / m.epochs();
                accuracy += m.accuracy();
                steps += trialSteps;
            }
            int n = rs.size();
            double first = firstRound.getOrDefault(entry.getKey(), List.of()).stream().mapToDouble(Double::doubleValue).average()
                    .orElse(Double.NaN);
            figures.add(new KindFigures(entry.getKey(), sample.model().toString(), sample.params(), n,
                    n == 0 ? Double.NaN : seconds / n, n == 0 ? Double.NaN : perEpoch / n,
                    steps == 0 ? Double.NaN : seconds / steps * 1000, n == 0 ? Double.NaN : (double) steps / n,
                    n == 0 ? Double.NaN : accuracy / n, first));
        }
        return figures;
    }

    private static String kindName(Trial t) {
        return t.model().kind().name().toLowerCase(java.util.Locale.ROOT);
    }
}
