package io.kinefold.report;

import io.kinefold.monitor.ResourceSample;
import java.util.List;
import java.util.Objects;

/**
 * What a report can show besides the run's own results.
 *
 * <pre>{@code
 * ReportExtras extras = new ReportExtras(ResourceSample.fromRows(store.resourceSamples(runId)), comparison);
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
}
