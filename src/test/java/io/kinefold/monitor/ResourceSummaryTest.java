package io.kinefold.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceSummaryTest {
    private static final long MIB = 1024 * 1024;
    private static final List<ResourceSample> SAMPLES = List.of(
            sample(1_000, 0.2, 4_000, Map.of("w1", new WorkerSample(11, 0.9, 300 * MIB))),
            sample(2_000, 0.8, 6_000, Map.of("w1", new WorkerSample(11, 1.0, 500 * MIB),
                    "w2", new WorkerSample(12, 1.0, 200 * MIB))),
            sample(3_000, 0.5, 5_000, Map.of("w1", new WorkerSample(11, 0.7, 400 * MIB),
                    "w10", new WorkerSample(13, 0.1, 100 * MIB))));

    private static ResourceSample sample(long time, double cpu, long memUsedMib, Map<String, WorkerSample> workers) {
        return new ResourceSample(time, cpu, new double[] {cpu / 2, cpu * 1.5}, memUsedMib * MIB, 16_384 * MIB,
                3 * MIB + 17, workers);
    }

    @Test
    void meanAndPeaksOfHandMadeSamples() {
        ResourceSummary s = ResourceSummary.of(SAMPLES, 1.25);

        assertThat(s.samples()).isEqualTo(3);
        assertThat(s.meanCpu()).isCloseTo(0.5, within(1e-12));
        assertThat(s.peakCpu()).isEqualTo(0.8);
        assertThat(s.peakMemUsedBytes()).isEqualTo(6_000 * MIB);
        assertThat(s.memTotalBytes()).isEqualTo(16_384 * MIB);
        assertThat(s.peakRssBytesByWorker()).containsExactly(
                Map.entry("w1", 500 * MIB), Map.entry("w2", 200 * MIB), Map.entry("w10", 100 * MIB));
        assertThat(s.meanSampleMillis()).isEqualTo(1.25);
    }

    @Test
    void noSamplesHaveNoLoad() {
        ResourceSummary s = ResourceSummary.of(List.of(), 0.5);

        assertThat(s.samples()).isZero();
        assertThat(s.meanCpu()).isNaN();
        assertThat(s.peakCpu()).isNaN();
        assertThat(s.peakMemUsedBytes()).isZero();
        assertThat(s.peakRssBytesByWorker()).isEmpty();
    }

    @Test
    void theSummaryOfStoredRowsIsThatOfTheSamplesWithoutTheCost() {
        List<ResourceSampleRow> rows = new ArrayList<>();
        SAMPLES.forEach(s -> rows.addAll(s.toRows(3)));

        ResourceSummary fromRows = ResourceSummary.fromRows(rows);

        assertThat(fromRows).isEqualTo(ResourceSummary.of(SAMPLES, Double.NaN));
        assertThat(fromRows.meanSampleMillis()).isNaN();
    }

    @Test
    void aSampleWithoutItsLoadStillCountsForMemory() {
        List<ResourceSampleRow> rows = new ArrayList<>(SAMPLES.get(0).toRows(1));
        rows.add(new ResourceSampleRow(1, 9_000, "machine", "memUsedMb", 9_000));

        ResourceSummary s = ResourceSummary.fromRows(rows);

        assertThat(s.samples()).isEqualTo(2);
        assertThat(s.meanCpu()).isEqualTo(0.2);
        assertThat(s.peakMemUsedBytes()).isEqualTo(9_000 * MIB);
    }

    @Test
    void countsTheResidentSizesWorkersReportedThemselves() {
        ResourceSummary sampled = new ResourceSummary(1, 0.5, 0.5, 1L << 30, 8L << 30, java.util.Map.of("w1", 300L << 20), 1.0);
        ResourceSummary merged = sampled.withReportedRss(java.util.Map.of("w1", 200L << 20, "w2", 350L << 20));
        assertThat(merged.peakRssBytesByWorker()).containsEntry("w1", 300L << 20).containsEntry("w2", 350L << 20);
        assertThat(merged.peakRssBytes()).isEqualTo(350L << 20);
        assertThat(merged.samples()).isEqualTo(1);
    }
}
