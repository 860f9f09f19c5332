package io.kinefold.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinefold.monitor.ResourceSample;
import io.kinefold.monitor.WorkerSample;
import io.kinefold.monitor.ResourceSampleRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplesCsvTest {
    private static final long MIB = 1024 * 1024;

    /** Three seconds of a run: w2 from the start, w10 only from the second sample, w2 gone in the third. */
    private static List<ResourceSampleRow> rows() {
        List<ResourceSampleRow> rows = new ArrayList<>();
        rows.addAll(sample(1_700_000_000_000L, Map.of("w2", new WorkerSample(42, 0.5, 100 * MIB))).toRows(9));
        rows.addAll(sample(1_700_000_001_000L, Map.of("w2", new WorkerSample(42, 1.0, 150 * MIB),
                "w10", new WorkerSample(43, 0.25, 50 * MIB))).toRows(9));
        rows.addAll(sample(1_700_000_002_500L, Map.of("w10", new WorkerSample(43, 0.75, 60 * MIB))).toRows(9));
        Collections.shuffle(rows, new java.util.Random(1));
        return rows;
    }

    private static ResourceSample sample(long time, Map<String, WorkerSample> workers) {
        double[] cores = new double[11];
        Arrays.setAll(cores, i -> i / 10.0);
        return new ResourceSample(time, 0.1 + 1.0 / 3, cores, 2_048 * MIB, 8_192 * MIB, 0, workers);
    }

    @Test
    void headerHasMachineThenCoresByNumberThenWorkersByName() {
        String header = SamplesCsv.render(rows()).lines().findFirst().orElseThrow();

        List<String> expected = new ArrayList<>(List.of("epoch_millis", "seconds", "machine_cpu",
                "machine_mem_used_mb", "machine_mem_total_mb", "machine_swap_used_mb"));
        for (int i = 0; i <= 10; i++) {
            expected.add("core" + i + "_cpu");
        }
        expected.addAll(List.of("w2_cpu", "w2_rss_mb", "w2_pid", "w10_cpu", "w10_rss_mb", "w10_pid"));
        assertThat(header).isEqualTo(String.join(",", expected));
    }

    @Test
    void parsesBackToTheStoredDoublesWithBlanksWhereAWorkerWasAbsent() {
        List<ResourceSampleRow> rows = rows();
        List<Map<String, String>> records = records(SamplesCsv.render(rows));

        assertThat(records).extracting(r -> r.get("epoch_millis"))
                .containsExactly("1700000000000", "1700000001000", "1700000002500");
        assertThat(records).extracting(r -> r.get("seconds")).containsExactly("0.0", "1.0", "2.5");
        assertThat(records.get(0).get("w10_cpu")).isEmpty();
        assertThat(records.get(0).get("w10_rss_mb")).isEmpty();
        assertThat(records.get(2).get("w2_pid")).isEmpty();
        for (ResourceSampleRow row : rows) {
            Map<String, String> record = records.stream()
                    .filter(r -> Long.parseLong(r.get("epoch_millis")) == row.epochMillis())
                    .findFirst().orElseThrow();
            String column = row.source() + "_" + SamplesCsv.snakeCase(row.metric());
            assertThat(Double.parseDouble(record.get(column))).as(column).isEqualTo(row.value());
        }
    }

    @Test
    void noRowsGiveTheHeaderAlone() {
        assertThat(SamplesCsv.render(List.of())).isEqualTo("epoch_millis,seconds\r\n");
    }

    @Test
    void refusesRowsOfTwoRuns() {
        List<ResourceSampleRow> rows = List.of(new ResourceSampleRow(1, 0, "machine", "cpu", 0.5),
                new ResourceSampleRow(2, 0, "machine", "cpu", 0.5));

        assertThatThrownBy(() -> SamplesCsv.render(rows)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("run 2").hasMessageContaining("run 1");
    }

    @Test
    void writeReplacesTheFileAndLeavesNothingElseBehind(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("samples.csv");
        Files.writeString(out, "old");

        SamplesCsv.write(rows(), out);

        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(SamplesCsv.render(rows()));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    private static List<Map<String, String>> records(String csv) {
        assertThat(csv).endsWith("\r\n");
        List<String> lines = List.of(csv.split("\r\n"));
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> records = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells).hasSameSizeAs(header);
            Map<String, String> record = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                record.put(header[i], cells[i]);
            }
            records.add(record);
        }
        return records;
    }
}
