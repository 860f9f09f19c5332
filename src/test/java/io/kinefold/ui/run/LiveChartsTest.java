package io.kinefold.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.monitor.ResourceSample;
import io.kinefold.monitor.WorkerSample;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The live charts' points, sample by sample, across a comparison's phases. */
class LiveChartsTest {
    private static ResourceSample sample(long millis, double machine, double worker) {
        return new ResourceSample(millis, machine, new double[] {0.5, 0.5}, 2L << 30, 8L << 30, 0,
                Map.of("w1", new WorkerSample(42, worker, 300L << 20)));
    }

    @Test
    void anUnreadableValueIsLeftOutInsteadOfBlankingTheChart() {
        LiveCharts charts = new LiveCharts(millis -> (millis - 1_000) / 1000.0); // the run started at 1 s
        charts.clear();

        charts.apply(sample(1_000, 0.4, 1.2), "");
        charts.apply(sample(2_000, Double.NaN, Double.POSITIVE_INFINITY), "");
        charts.apply(sample(3_000, 0.5, 1.1), "");

        var machine = charts.cpuSeries().get(charts.cpuSeries().size() - 1);
        assertThat(machine.getData()).extracting(p -> p.getXValue().doubleValue()).containsExactly(0.0, 2.0);
        assertThat(charts.workerCpuSeries().get(0).getData()).hasSize(2)
                .allSatisfy(p -> assertThat(p.getYValue().doubleValue()).isFinite());
        assertThat(charts.cpuSeries().get(0).getData()).hasSize(3);
    }

    @Test
    void keepsAddingPointsAfterAPhaseChangeOnOneClock() {
        LiveCharts charts = new LiveCharts(millis -> (millis - 1_000) / 1000.0); // the run started at 1 s
        charts.clear();
        charts.apply(sample(1_000, 0.4, 1.0), "single ");
        charts.apply(sample(2_000, 0.4, 1.0), "single ");

        charts.apply(sample(3_000, 0.6, 1.0), "pool ");
        charts.apply(sample(4_000, 0.6, 1.0), "pool ");

        var machine = charts.cpuSeries().get(charts.cpuSeries().size() - 1);
        assertThat(machine.getData()).extracting(p -> p.getXValue().doubleValue()).containsExactly(0.0, 1.0, 2.0, 3.0);
        assertThat(charts.workerCpuSeries()).extracting(s -> s.getName()).containsExactly("single w1", "pool w1");
    }
}
