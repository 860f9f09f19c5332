package io.kinefold.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.monitor.ResourceSample;
import io.kinefold.monitor.WorkerSample;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.Test;

class LiveChartsWindowTest {
    private static final long START = 1_700_000_000_000L;

    private static ResourceSample sample(long millis, boolean withWorker) {
        Map<String, WorkerSample> workers = new LinkedHashMap<>();
        if (withWorker) {
            workers.put("w1", new WorkerSample(11, 1.0, 1 << 28));
        }
        return new ResourceSample(millis, 0.5, new double[] {0.5, 0.5}, 1L << 32, 1L << 33, 0, workers);
    }

    private static double firstX(XYChart.Series<Number, Number> s) {
        return s.getData().get(0).getXValue().doubleValue();
    }

    @Test
    void liveChartsKeepOneTwoMinuteWindowForMachineAndWorkers() {
        AtomicLong now = new AtomicLong(START);
        RunTimeline timeline = new RunTimeline(now::get);
        LiveCharts charts = new LiveCharts(timeline::secondsAt);
        charts.clear();
        // 137 s in; the worker misses every third sample, so it has fewer points than the machine.
        for (int s = 0; s <= 137; s++) {
            charts.apply(sample(START + s * 1000L, s % 3 != 0), "");
        }

        assertThat(charts.windowStartProperty().get()).isEqualTo(17.0);
        assertThat(charts.windowEndProperty().get()).isEqualTo(137.0);
        List<XYChart.Series<Number, Number>> all = new java.util.ArrayList<>(charts.cpuSeries());
        all.addAll(charts.memorySeries());
        all.addAll(charts.workerCpuSeries());
        all.addAll(charts.workerRssSeries());
        assertThat(charts.workerCpuSeries()).hasSize(1);
        assertThat(all).allSatisfy(s -> assertThat(firstX(s)).isBetween(17.0, 18.0));
        assertThat(charts.samples()).hasSize(138);
    }

    @Test
    void aResetClearsTheChartsAndPutsTheAxisBackAtZero() {
        AtomicLong now = new AtomicLong(START);
        RunTimeline timeline = new RunTimeline(now::get);
        LiveCharts charts = new LiveCharts(timeline::secondsAt);
        charts.clear();
        for (int s = 0; s <= 200; s++) {
            charts.apply(sample(START + s * 1000L, true), "");
        }
        now.set(START + 500_000);
        timeline.clear();
        charts.clear();

        assertThat(charts.windowStartProperty().get()).isZero();
        assertThat(charts.windowEndProperty().get()).isEqualTo(RunViewModel.WINDOW);
        assertThat(charts.cpuSeries()).isEmpty();
        assertThat(charts.workerCpuSeries()).isEmpty();
        assertThat(charts.samples()).isEmpty();
    }

    @Test
    void theTimelineAndTheChartsShareTheRunsClock() {
        AtomicLong now = new AtomicLong(START);
        RunTimeline timeline = new RunTimeline(now::get);
        LiveCharts charts = new LiveCharts(timeline::secondsAt);
        timeline.clear();
        charts.clear();
        // The first sample comes 3 s after the run started: the charts do not start their own clock there.
        now.set(START + 3000);
        charts.apply(sample(START + 3000, true), "");
        timeline.started("w1", new io.kinefold.experiment.Trial(io.kinefold.data.ModelId.parse("pose"), 0, Map.of(), 0));

        assertThat(firstX(charts.cpuSeries().get(0))).isEqualTo(3.0);
        assertThat(timeline.bars()).singleElement().satisfies(b -> assertThat(b.start()).isEqualTo(3.0));
    }
}
