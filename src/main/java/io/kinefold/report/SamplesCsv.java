package io.kinefold.report;

import io.kinefold.monitor.ResourceSample;
import io.kinefold.monitor.ResourceSampleRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A run's resource samples as one wide CSV (RFC 4180), a row per timestamp:
 *
 * <pre>
 * epoch_millis,seconds,machine_cpu,machine_mem_used_mb,machine_mem_total_mb,machine_swap_used_mb,core0_cpu,…,w1_cpu,w1_rss_mb,w1_pid,…
 * </pre>
 *
 * <p>The columns are the union of the sources and metrics in the rows: the machine first, then the
 * cores by number, then the workers in natural order ({@code w2} before {@code w10}), each
 * source's metrics in the order {@link ResourceSample#toRows} writes them. A column is named
 * {@code source_metric} with the metric in snake case. {@code seconds} counts from the first
 * sample. A cell is blank where that source had no such measurement at that time (a worker not yet
 * started, or recycled). Values are written with {@link Double#toString}, so they parse back to the
 * very doubles stored.
 */
public final class SamplesCsv {
    private static final String EOL = "\r\n";
    private static final Comparator<Column> COLUMN_ORDER = Comparator
            .comparing(Column::source, ResourceSample.SOURCE_ORDER)
            .thenComparing(Column::metric, ResourceSample.METRIC_ORDER);

    private record Column(String source, String metric) {
        String header() {
            return source + "_" + snakeCase(metric);
        }
    }

    private SamplesCsv() {}

    /**
     * The CSV of the rows of one run, in any order.
     *
     * @throws IllegalArgumentException when the rows are of more than one run
     */
    public static String render(List<ResourceSampleRow> rows) {
        Objects.requireNonNull(rows, "rows");
        TreeSet<Column> columns = new TreeSet<>(COLUMN_ORDER);
        TreeMap<Long, Map<Column, Double>> byTime = new TreeMap<>();
        long runId = rows.isEmpty() ? 0 : rows.get(0).runId();
        for (ResourceSampleRow row : rows) {
            if (row.runId() != runId) {
                throw new IllegalArgumentException("samples of run " + row.runId() + " among those of run " + runId);
            }
            Column c = new Column(row.source(), row.metric());
            columns.add(c);
            byTime.computeIfAbsent(row.epochMillis(), t -> new HashMap<>()).put(c, row.value());
        }

        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("epoch_millis", "seconds"));
        columns.forEach(c -> header.add(c.header()));
        row(out, header);
        long first = byTime.isEmpty() ? 0 : byTime.firstKey();
        byTime.forEach((time, values) -> {
            List<String> cells = new ArrayList<>(header.size());
            cells.add(Long.toString(time));
            cells.add(Double.toString((time - first) / 1000.0));
            for (Column c : columns) {
                Double v = values.get(c);
                cells.add(v == null ? "" : Double.toString(v));
            }
            row(out, cells);
        });
        return out.toString();
    }

    /**
     * Renders the rows and writes them to {@code out}, replacing what is there: written beside the
     * target and moved over it, so a failure leaves the target as it was and no temporary file behind.
     */
    public static void write(List<ResourceSampleRow> rows, Path out) throws IOException {
        Objects.requireNonNull(out, "out");
        AtomicFile.write(out, render(rows));
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(CsvExport.field(cells.get(i)));
        }
        out.append(EOL);
    }

    /** {@code memUsedMb} becomes {@code mem_used_mb}. */
    static String snakeCase(String camel) {
        StringBuilder s = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    s.append('_');
                }
                s.append(Character.toLowerCase(c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }
}
