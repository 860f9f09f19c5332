package io.kinefold.exec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.kinefold.monitor.ResourceSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What comparing a single-process run with a pool run found: both modes' times and memory,
 * speedup, parallel efficiency, the reference of N plain CPU-bound processes, whether the metrics
 * agree, the scaling curve and the trial time of every grid point. {@code compare --json} prints it
 * and the store keeps it as JSON text ({@link #toJson}); {@link #fromJson} reads it back, also as
 * older versions wrote it.
 *
 * <p>The JSON field names are the record's components but for the pool, {@code multi}, as the
 * first versions named it; stored documents and scripts rely on them. Read leniently: a field
 * that is missing or not a number reads as NaN (times and ratios) or -1 (counts and ids), a
 * missing verdict or name as null, so a document written by another version still shows.
 *
 * @param spec the spec's name
 * @param trials trials of each run
 * @param single the single-process run
 * @param pool the pool run
 * @param speedup single wall time over the pool's
 * @param efficiency speedup over the pool's workers
 * @param identicalMetrics whether every trial gave the same metrics in both modes; null when not recorded
 * @param differingTrials trials whose metrics differ
 * @param reference what N independent CPU-bound processes get here; null when not measured
 * @param speedupOfReference the pool's speedup over the reference's; null without a reference
 * @param scaling points of the speedup curve; empty unless asked for
 * @param perGridPoint trial time of each grid point in both modes, in the single run's order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComparisonResult(String spec, int trials, ModeTimings single, @JsonProperty("multi") ModeTimings pool,
                               double speedup, double efficiency, Boolean identicalMetrics, int differingTrials,
                               Reference reference, Double speedupOfReference,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ScalingPoint> scaling,
                               List<GridPointTiming> perGridPoint) {
    public ComparisonResult {
        single = single == null ? ModeTimings.UNKNOWN : single;
        pool = pool == null ? ModeTimings.UNKNOWN : pool;
        scaling = scaling == null ? List.of() : scaling.stream().filter(Objects::nonNull).toList();
        perGridPoint = perGridPoint == null ? List.of() : perGridPoint.stream().filter(Objects::nonNull).toList();
    }

    /** Whether both modes gave the same metrics on every trial; false when not recorded. */
    public boolean metricsAgree() {
        return Boolean.TRUE.equals(identicalMetrics);
    }

    /** The document as {@code compare --json} prints it and the store keeps it. */
    public String toJson() {
        return ComparisonJson.write(this);
    }

    /** A stored or printed document, read leniently. @throws IllegalArgumentException when it is not a JSON object */
    public static ComparisonResult fromJson(String json) {
        return ComparisonJson.read(json);
    }

    /** @throws IllegalArgumentException when the node is not a JSON object */
    public static ComparisonResult fromJson(JsonNode json) {
        return ComparisonJson.read(json);
    }

    /**
     * One of the two runs.
     *
     * @param runId the stored run, -1 when not known
     * @param workers its workers
     * @param wallSeconds its wall time
     * @param trialSeconds every trial's time, summed
     * @param peakRssMb the largest worker's peak resident memory, MiB
     * @param sumOfWorkerPeakRssMb every worker's peak resident memory, summed, MiB
     * @param resources what the monitor saw of the run; null when not recorded
     */
    public record ModeTimings(long runId, int workers, double wallSeconds, double trialSeconds, long peakRssMb,
                              long sumOfWorkerPeakRssMb, Resources resources) {
        static final ModeTimings UNKNOWN = new ModeTimings(-1, -1, Double.NaN, Double.NaN, -1, -1, null);
    }

    /**
     * What the resource monitor saw over one run; a figure that is not known is null (and JSON null),
     * as in {@code run --json}.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Resources(int samples, Double meanMachineCpu, Double peakMachineCpu, long peakMemUsedMb, long memTotalMb,
                            Map<String, Long> peakRssMbByWorker, long peakRssMb, Double meanSampleMillis) {
        public static Resources of(ResourceSummary r) {
            Map<String, Long> peaks = new LinkedHashMap<>();
            r.peakRssBytesByWorker().forEach((w, b) -> peaks.put(w, b >> 20));
            return new Resources(r.samples(), finite(r.meanCpu()), finite(r.peakCpu()), r.peakMemUsedBytes() >> 20,
                    r.memTotalBytes() >> 20, peaks, r.peakRssBytes() >> 20, finite(r.meanSampleMillis()));
        }

        private static Double finite(double v) {
            return Double.isFinite(v) ? v : null;
        }
    }

    /** What N independent CPU-bound processes reach on the same machine ({@link CpuReference}). */
    public record Reference(int processes, double speedup, double efficiency, double aloneSeconds, double togetherSeconds) {
        public static Reference of(CpuReference r) {
            return new Reference(r.processes(), r.speedup(), r.efficiency(), r.aloneSeconds(), r.togetherSeconds());
        }
    }

    /** One point of the speedup curve. */
    public record ScalingPoint(int workers, double wallSeconds, double speedup, double efficiency) {
        public static ScalingPoint of(int workers, double wallSeconds, double singleWallSeconds) {
            return new ScalingPoint(workers, wallSeconds, singleWallSeconds / wallSeconds,
                    singleWallSeconds / wallSeconds / workers);
        }
    }

    /**
     * One grid point's trial time in both modes, summed over its folds.
     *
     * @param gridPoint its index in the model's grid; -1 for a baseline (or when not known)
     * @param hyperparameters its values by name; empty when not known
     * @param multiOverSingle above 1 when each trial took longer in the pool than alone
     * @param baseline the baseline's name ({@code majority}, {@code nearest}) for a baseline's
     *     trials, null for a grid point's; absent from documents stored before baselines
     */
    public record GridPointTiming(String model, int gridPoint, Map<String, Double> hyperparameters, double singleSeconds,
                                  double multiSeconds, double multiOverSingle,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) String baseline) {
        public GridPointTiming {
            hyperparameters = hyperparameters == null ? Map.of() : hyperparameters;
        }

        public GridPointTiming(String model, int gridPoint, Map<String, Double> hyperparameters, double singleSeconds,
                               double multiSeconds, double multiOverSingle) {
            this(model, gridPoint, hyperparameters, singleSeconds, multiSeconds, multiOverSingle, null);
        }

        /** How tables name it: {@code g3}, {@code nearest}, or null when not known. */
        public String label() {
            return baseline != null ? baseline : gridPoint >= 0 ? "g" + gridPoint : null;
        }
    }
}
