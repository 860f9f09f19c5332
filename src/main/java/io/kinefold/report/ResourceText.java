package io.kinefold.report;

import io.kinefold.monitor.ResourceSample;
import io.kinefold.monitor.ResourceSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The resource monitor's samples of a run in the few figures the human formats show. */
final class ResourceText {
    static final String NOTE = "machine CPU is a share of all cores; a worker's CPU is a share of one core, so a worker "
            + "busy on one core reads 100 %; RSS is the memory a worker process holds; MB are 2^20 bytes";

    private ResourceText() {}

    static TextTable summary(List<ResourceSample> samples) {
        ResourceSummary r = ResourceSummary.of(samples, Double.NaN);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Samples", samplesCell(samples)));
        rows.add(List.of("Machine CPU, mean", ReportText.percent(r.meanCpu())));
        rows.add(List.of("Machine CPU, peak", ReportText.percent(r.peakCpu())));
        String used = r.peakMemUsedBytes() > 0 ? ReportText.megabytes(r.peakMemUsedBytes() >> 20) : ReportText.MISSING;
        rows.add(List.of("Machine memory in use, peak", r.memTotalBytes() > 0 && r.peakMemUsedBytes() > 0
                ? used + " of " + ReportText.megabytes(r.memTotalBytes() >> 20) : used));
        r.peakRssBytesByWorker().forEach((worker, bytes) ->
                rows.add(List.of("Peak RSS of " + ReportText.oneLine(worker), ReportText.megabytes(bytes >> 20))));
        return new TextTable(List.of("Resource monitor", "Value"), rows, 1);
    }

    /** E.g. {@code 26, about one every 1.0 s}. */
    private static String samplesCell(List<ResourceSample> samples) {
        if (samples.size() < 2) {
            return Integer.toString(samples.size());
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (ResourceSample s : samples) {
            first = Math.min(first, s.epochMillis());
            last = Math.max(last, s.epochMillis());
        }
        double every = (last - first) / 1000.0 / (samples.size() - 1);
        return String.format(Locale.ROOT, "%d, about one every %.1f s", samples.size(), every);
    }
}
