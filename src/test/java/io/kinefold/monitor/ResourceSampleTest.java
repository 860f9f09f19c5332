package io.kinefold.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceSampleTest {
    private static final long MIB = 1024 * 1024;

    private static ResourceSample sample(long time, double cpu, long memUsedMib, Map<String, WorkerSample> workers) {
        return new ResourceSample(time, cpu, new double[] {cpu / 2, cpu * 1.5}, memUsedMib * MIB, 16_384 * MIB,
                3 * MIB + 17, workers);
    }

    @Test
    void becomesOneRowPerMeasurementMachineThenCoresThenWorkers() {
        ResourceSample s = new ResourceSample(1_000, 0.25, new double[] {0.5, 0.125}, 2 * MIB, 8 * MIB, MIB / 2,
                Map.of("w10", new WorkerSample(11, 0.75, 3 * MIB), "w2", new WorkerSample(22, 1.5, MIB)));

        assertThat(s.toRows(7))
                .allSatisfy(r -> assertThat(r.runId()).isEqualTo(7))
                .allSatisfy(r -> assertThat(r.epochMillis()).isEqualTo(1_000))
                .extracting(ResourceSampleRow::source, ResourceSampleRow::metric, ResourceSampleRow::value)
                .containsExactly(
                        tuple("machine", "cpu", 0.25),
                        tuple("machine", "memUsedMb", 2.0),
                        tuple("machine", "memTotalMb", 8.0),
                        tuple("machine", "swapUsedMb", 0.5),
                        tuple("core0", "cpu", 0.5),
                        tuple("core1", "cpu", 0.125),
                        tuple("w2", "cpu", 1.5),
                        tuple("w2", "rssMb", 1.0),
                        tuple("w2", "pid", 22.0),
                        tuple("w10", "cpu", 0.75),
                        tuple("w10", "rssMb", 3.0),
                        tuple("w10", "pid", 11.0));
    }

    @Test
    void aClusterNodesSamplesAreStoredUnderItsNameAndReadBackApartFromThisMachines() {
        ResourceSample here = sample(1_000, 0.1, 999, Map.of());
        ResourceSample node = sample(1_400, 0.9, 1_234, Map.of("w1", new WorkerSample(7, 1.0, 300 * MIB)));
        List<ResourceSampleRow> rows = new ArrayList<>(here.toRows(3));
        rows.addAll(node.toRows(3, "10.0.0.5:5701"));

        assertThat(node.toRows(3, "10.0.0.5:5701")).extracting(ResourceSampleRow::source)
                .contains("10.0.0.5:5701/machine", "10.0.0.5:5701/core0", "10.0.0.5:5701/w1");
        assertThat(ResourceSample.fromRows(rows)).as("this machine's samples only").containsExactly(here);
        assertThat(ResourceSample.fromRows(rows, "10.0.0.5:5701")).containsExactly(node);
        assertThat(ResourceSample.nodes(rows)).containsExactly("10.0.0.5:5701");
        assertThat(ResourceSample.nodes(here.toRows(3))).isEmpty();
    }

    @Test
    void rowsTurnBackIntoTheSameSamplesToTheByte() {
        List<ResourceSample> samples = List.of(
                sample(2_000, 0.3, 1_000, Map.of("w1", new WorkerSample(101, 0.9, 123_456_789L))),
                sample(1_000, 0.1, 999, Map.of()),
                sample(3_000, 1.0 / 3, 1_001, Map.of("w1", new WorkerSample(101, 1.0, 7L),
                        "w2", new WorkerSample(202, 0.0, 8_000_000_001L))));
        List<ResourceSampleRow> rows = new ArrayList<>();
        samples.forEach(s -> rows.addAll(s.toRows(1)));

        assertThat(ResourceSample.fromRows(rows)).containsExactly(samples.get(1), samples.get(0), samples.get(2));
    }

    @Test
    void missingMeasurementsComeBackAsNaNZeroOrMinusOne() {
        List<ResourceSampleRow> rows = List.of(
                new ResourceSampleRow(1, 5, "core1", "cpu", 0.5),
                new ResourceSampleRow(1, 5, "w1", "rssMb", 2.0));

        ResourceSample s = ResourceSample.fromRows(rows).get(0);

        assertThat(s.cpuTotal()).isNaN();
        assertThat(s.cpuPerCore()).containsExactly(Double.NaN, 0.5);
        assertThat(s.memTotalBytes()).isZero();
        assertThat(s.workers()).containsExactlyEntriesOf(Map.of("w1", new WorkerSample(-1, Double.NaN, 2 * MIB)));
    }

    @Test
    void keepsItsOwnCopyOfTheCoreLoads() {
        double[] loads = {0.1, 0.2};
        ResourceSample s = new ResourceSample(0, 0.15, loads, 0, 0, 0, Map.of());
        loads[0] = 0.9;
        s.cpuPerCore()[1] = 0.9;

        assertThat(s.cpuPerCore()).containsExactly(0.1, 0.2);
        assertThat(s).isEqualTo(new ResourceSample(0, 0.15, new double[] {0.1, 0.2}, 0, 0, 0, Map.of()))
                .hasSameHashCodeAs(new ResourceSample(0, 0.15, new double[] {0.1, 0.2}, 0, 0, 0, Map.of()));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            machine, core0,   -1
            core2,   core10,  -1
            core10,  w1,      -1
            w2,      w10,     -1
            w10,     w2,       1
            w1,      w1,       0
            a,       b,       -1
            """)
    void ordersSourcesMachineThenCoresByNumberThenWorkersNaturally(String a, String b, int sign) {
        assertThat(Integer.signum(ResourceSample.SOURCE_ORDER.compare(a, b))).isEqualTo(sign);
    }
}
