package io.kinefold.report;

import io.kinefold.exec.ComparisonResult;
import io.kinefold.monitor.ResourceSample;
import io.kinefold.store.Store;
import java.util.List;
import java.util.Objects;

/**
 * What a report can show besides the run's own results.
 *
 * <pre>{@code
 * ReportExtras extras = ReportExtras.load(store, runId);
 * Exporter.export(store.report(runId), ExportFormat.HTML, Path.of("run-12.html"), extras);
 * }</pre>
 *
 * @param samples the run's resource samples, in any order; empty when none were stored
 * @param comparison the single-process-vs-pool comparison the run took part in, or null
 */
public record ReportExtras(List<ResourceSample> samples, Comparison comparison) {
    /** Nothing besides the results: the report as it reads without a monitor or a comparison. */
    public static final ReportExtras NONE = new ReportExtras(List.of(), null);

    public ReportExtras {
        samples = List.copyOf(Objects.requireNonNull(samples, "samples (empty when there are none)"));
    }

    /** A stored run's resource samples and the comparison it took part in. */
    public static ReportExtras load(Store store, long runId) {
        List<ResourceSample> samples = ResourceSample.fromRows(store.samples(runId));
        Comparison comparison = store.comparisonOf(runId).map(json -> {
            try {
                ComparisonResult result = ComparisonResult.fromJson(json);
                return new Comparison(result, ResourceSample.fromRows(store.samples(result.single().runId())),
                        ResourceSample.fromRows(store.samples(result.pool().runId())));
            } catch (IllegalArgumentException e) {
                // not a comparison this version can read: the report goes without it
                return null;
            }
        }).orElse(null);
        return new ReportExtras(samples, comparison);
    }
}
