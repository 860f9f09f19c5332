package io.kinefold.exec;

import static io.kinefold.exec.Progress.clock;

import io.kinefold.data.ModelId;
import io.kinefold.data.ModelKind;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.Plan;
import io.kinefold.experiment.SpecIo;
import io.kinefold.experiment.Status;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import io.kinefold.kind.KindSpec;
import io.kinefold.kind.Kinds;
import io.kinefold.monitor.ResourceSample;
import io.kinefold.store.Store;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * A rough forecast of a run before anything runs: its wall time in one process and with N
 * workers, and the memory it needs. Time is {@link TrialCost} units times seconds per unit of the
 * model kind, a {@link Calibration}.
 *
 * <p>The default calibration was measured on the development machine (2 cores, one worker,
 * {@code OMP_NUM_THREADS=1}) with the {@code quick} preset on the bundled {@code datasets/demo},
 * with the lean networks of {@code model.Net}: mean trial wall time 0.044 s for {@code pose},
 * 0.023 s for {@code start:E}, 0.155 s for {@code rep:E}. Those trials cost on average 368.2, 277.0 and 3300 units (train samples =
 * samples × (folds − 1) / folds: 3381 frames for pose, 2881–3606 for start, 96 repetitions for
 * rep, 3 folds), which gives each kind's {@link KindSpec#secondsPerCostUnit}. Once the store holds finished trials, the median
 * of measured seconds over cost per kind replaces them ({@link Calibration#fromStore}), and the
 * worker footprint becomes the median peak RSS of the workers of recent runs.
 *
 * <p>With N workers the estimate is the larger of the summed trial time over N and the longest
 * trial, plus the start of the workers: the pool runs longest first, so the tail is at most one
 * trial long. Trials run slower side by side than alone (shared caches, memory bandwidth, the
 * JIT and GC threads of each worker competing for the cores): once a stored comparison with N
 * workers measured by how much (its pool's summed trial time over the single process's), the
 * trial times of a pool of N are stretched by that factor. It says nothing of a machine that is
 * busy with other work, hence rough.
 *
 * @param singleSeconds expected wall time in one process
 * @param poolSeconds expected wall time with {@code workers} processes
 * @param workers the worker count of {@code poolSeconds}, at most the number of trials
 * @param workerBytes resident memory of one worker process
 * @param upperBound whether early stopping may end trials sooner, so the times are at most
 * @param calibration where the seconds per unit came from
 */
public record RunEstimate(double singleSeconds, double poolSeconds, int workers, long workerBytes, boolean upperBound,
                          Calibration calibration) {
    /** Resident memory of one worker until measured: 220–300 MB measured, with room. */
    public static final long DEFAULT_WORKER_BYTES = 384L << 20;
    /** The workbench itself with a dataset open. */
    public static final long APP_BYTES = 300L << 20;
    /** Starting a worker JVM, initialising ND4J and sending it the dataset. */
    public static final double WORKER_START_SECONDS = 1;
    /** Stored trials of a kind needed before they replace its default. */
    public static final int MIN_STORED_TRIALS = 3;

    /**
     * Seconds per {@link TrialCost} unit by model kind, and the footprint of a worker.
     *
     * @param secondsPerUnit one entry for every kind
     * @param storedTrials how many stored trials the figures come from; 0 for the defaults
     * @param workerBytes resident memory of one worker
     * @param measuredWorkers whether {@code workerBytes} was measured in stored runs
     * @param poolSlowdown by worker count, how much longer a trial took in a pool of that many than
     *     alone, from stored comparisons; empty until one is stored
     */
    public record Calibration(Map<ModelKind, Double> secondsPerUnit, int storedTrials, long workerBytes,
                              boolean measuredWorkers, Map<Integer, Double> poolSlowdown) {
        public Calibration(Map<ModelKind, Double> secondsPerUnit, int storedTrials, long workerBytes, boolean measuredWorkers) {
            this(secondsPerUnit, storedTrials, workerBytes, measuredWorkers, Map.of());
        }

        public Calibration {
            poolSlowdown = Map.copyOf(poolSlowdown);
            secondsPerUnit = Collections.unmodifiableMap(new LinkedHashMap<>(secondsPerUnit));
            for (KindSpec kind : Kinds.all()) {
                if (!(secondsPerUnit.getOrDefault(kind.kind(), 0.0) > 0)) {
                    throw new IllegalArgumentException("secondsPerUnit: no positive figure for " + kind.kind().name());
                }
            }
        }

        /** The figures measured on the development machine. */
        public static Calibration defaults() {
            Map<ModelKind, Double> perUnit = new LinkedHashMap<>();
            Kinds.all().forEach(kind -> perUnit.put(kind.kind(), kind.secondsPerCostUnit()));
            return new Calibration(perUnit, 0, DEFAULT_WORKER_BYTES, false);
        }

        /**
         * The median of measured wall seconds over cost, per kind, from succeeded trials; a kind
         * with fewer than {@value #MIN_STORED_TRIALS} of them keeps the default. A trial stopped
         * early is costed for the epochs it ran.
         */
        public static Calibration fromResults(List<TrialResult> results) {
            Map<ModelKind, List<Double>> ratios = new LinkedHashMap<>();
            for (TrialResult r : results) {
                if (r.status() != Status.SUCCEEDED || r.metrics() == null || !(r.wallSeconds() > 0)) {
                    continue;
                }
                double cost;
                try {
                    cost = TrialCost.estimate(r.trial(), r.metrics().trainSamples());
                    double planned = Kinds.of(r.trial().model()).hyperparameters(r.trial().params()).epochs();
                    if (r.metrics().epochs() > 0 && r.metrics().epochs() < planned) {
                        cost *= r.metrics().epochs() / planned;
                    }
                } catch (IllegalArgumentException e) {
                    continue; // parameters of an older version: not comparable
                }
                if (cost > 0) {
                    ratios.computeIfAbsent(r.trial().model().kind(), k -> new ArrayList<>()).add(r.wallSeconds() / cost);
                }
            }
            Map<ModelKind, Double> perUnit = new LinkedHashMap<>(defaults().secondsPerUnit());
            int used = 0;
            for (var e : ratios.entrySet()) {
                if (e.getValue().size() >= MIN_STORED_TRIALS) {
                    perUnit.put(e.getKey(), median(e.getValue()));
                    used += e.getValue().size();
                }
            }
            return new Calibration(perUnit, used, DEFAULT_WORKER_BYTES, false);
        }

        /** The same figures with a measured worker footprint. */
        public Calibration withWorkerBytes(long bytes) {
            return new Calibration(secondsPerUnit, storedTrials, bytes, true, poolSlowdown);
        }

        /** The same figures with the slowdown of trials side by side, by worker count. */
        public Calibration withPoolSlowdown(Map<Integer, Double> slowdown) {
            return new Calibration(secondsPerUnit, storedTrials, workerBytes, measuredWorkers, slowdown);
        }

        /** How much longer a trial takes among {@code workers}; 1 when not measured. */
        public double slowdown(int workers) {
            return workers <= 1 ? 1 : poolSlowdown.getOrDefault(workers, 1.0);
        }

        /**
         * From the newest runs of the store: at most {@code maxTrials} trials, and the workers'
         * peak resident memory of the newest runs that sampled it.
         */
        public static Calibration fromStore(Store store, int maxTrials) {
            List<TrialResult> results = new ArrayList<>();
            List<Double> peaks = new ArrayList<>();
            Map<Integer, Double> slowdown = new HashMap<>();
            var runs = store.runs();
            // Seconds per unit from single-process runs when there are any: a pool's trials run
            // slower side by side, which the slowdown accounts for separately.
            boolean anySingle = runs.stream().anyMatch(r -> r.workers() == 1);
            for (var run : runs) {
                if (run.workers() > 1 && !slowdown.containsKey(run.workers())) {
                    comparisonSlowdown(store, run.id()).ifPresent(f -> slowdown.put(run.workers(), f));
                }
                if (results.size() >= maxTrials && peaks.size() >= 5) {
                    continue;
                }
                if (results.size() < maxTrials && (run.workers() == 1 || !anySingle)) {
                    results.addAll(store.trialResults(run.id()));
                }
                if (peaks.size() < 5) {
                    // RSS is sampled for workers only
                    store.maxSample(run.id(), ResourceSample.RSS_MB).ifPresent(peak -> {
                        if (peak > 0) {
                            peaks.add(peak);
                        }
                    });
                }
            }
            Calibration calibration = fromResults(results.size() > maxTrials ? results.subList(0, maxTrials) : results);
            calibration = peaks.isEmpty() ? calibration : calibration.withWorkerBytes((long) (median(peaks) * (1 << 20)));
            return calibration.withPoolSlowdown(slowdown);
        }

        /** The pool's summed trial time over the single process's, of the comparison the run is in. */
        private static Optional<Double> comparisonSlowdown(Store store, long runId) {
            return store.comparisonOf(runId).flatMap(json -> {
                try {
                    ComparisonResult doc = ComparisonResult.fromJson(json);
                    double single = doc.single().trialSeconds();
                    double pool = doc.pool().trialSeconds();
                    return single > 0 && pool > 0 && doc.pool().runId() == runId ? Optional.of(pool / single) : Optional.empty();
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            });
        }

        /** Expected wall seconds of one trial. */
        public double seconds(Trial trial, int trainSamples) {
            return TrialCost.estimate(trial, trainSamples) * secondsPerUnit.get(trial.model().kind());
        }
    }

    /**
     * The estimate of a planned spec.
     *
     * @param plan the spec, checked and expanded
     * @param samples every sample of a model (frames or repetitions), before the folds split them
     * @param calibration seconds per unit and worker footprint
     * @param workers the worker count of the pool, at least 1
     */
    public static RunEstimate of(Plan plan, ToIntFunction<ModelId> samples, Calibration calibration, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers: must be at least 1, was " + workers);
        }
        ExperimentSpec spec = plan.spec();
        double share = (spec.folds() - 1.0) / spec.folds();
        if (spec.earlyStopping() != null) {
            share *= 1 - spec.earlyStopping().validationFraction();
        }
        double sum = 0;
        double longest = 0;
        int trials = 0;
        for (Trial t : plan.trials()) {
            int train = (int) Math.max(1, samples.applyAsInt(t.model()) * share);
            double s = calibration.seconds(t, train);
            sum += s;
            longest = Math.max(longest, s);
            trials += t.baseline() == null ? 1 : 0; // baselines are too cheap to keep a worker busy
        }
        int used = Math.max(1, Math.min(workers, trials));
        double single = trials == 0 ? 0 : sum + WORKER_START_SECONDS;
        double stretch = calibration.slowdown(used);
        double pool = trials == 0 ? 0 : Math.max(sum * stretch / used, longest * stretch) + WORKER_START_SECONDS;
        return new RunEstimate(single, pool, used, calibration.workerBytes(), spec.earlyStopping() != null, calibration);
    }

    /** Memory of a run with {@code n} workers: the workers and the app. */
    public long memoryBytes(int n) {
        return n * workerBytes + APP_BYTES;
    }

    /**
     * In words, e.g. {@code ≈ 1:40 in one process · ≈ 0:55 with 2 workers · ~1.3 GB RAM (2 workers
     * × ~0.5 GB + the app) — rough, from 63 stored trials}.
     */
    public String describe() {
        String about = upperBound ? "≤ " : "≈ ";
        StringBuilder text = new StringBuilder(about).append(clock(singleSeconds)).append(" in one process");
        if (workers > 1) {
            text.append(" · ").append(about).append(clock(poolSeconds)).append(" with ").append(workers).append(" workers");
        }
        text.append(" · ~").append(gigabytes(memoryBytes(workers))).append(" GB RAM (").append(workers)
                .append(workers == 1 ? " worker" : " workers").append(" × ~").append(gigabytes(workerBytes))
                .append(" GB + the app) — rough, ");
        text.append(calibration.storedTrials() > 0
                ? "from " + calibration.storedTrials() + " stored trial" + (calibration.storedTrials() == 1 ? "" : "s")
                : "from default timings until runs are stored");
        if (workers > 1 && calibration.poolSlowdown().containsKey(workers)) {
            text.append(String.format(Locale.ROOT, "; trials %.0f %% slower side by side, as compared here",
                    100 * (calibration.slowdown(workers) - 1)));
        }
        return text.toString();
    }
    private static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (double) (1L << 30));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
