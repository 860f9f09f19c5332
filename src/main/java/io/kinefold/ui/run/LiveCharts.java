package io.kinefold.ui.run;

import io.kinefold.monitor.ResourceSample;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * The points of the run view's live charts (machine CPU and memory, each worker's CPU and memory)
 * and the sliding window they keep. Split from {@link RunViewModel} so that the sampling
 * bookkeeping lives apart from running trials; like it, it touches no control, and is only
 * changed under the view model's lock on the UI executor.
 */
final class LiveCharts {
    /** Bytes in a MiB: the charts and the workers table show memory in MiB. */
    static final double MIB = 1024.0 * 1024.0;

    private final ObservableList<XYChart.Series<Number, Number>> cpuSeries = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> memorySeries = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> workerCpuSeries = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> workerRssSeries = FXCollections.observableArrayList();

    // The points of each series as plain numbers: when a worker's series has gone stale.
    private final Map<XYChart.Series<Number, Number>, Deque<double[]>> points = new LinkedHashMap<>();
    private long firstSampleMillis = -1;

    /** Empties every chart for a new run; the memory chart gets its one series back. */
    void clear() {
        points.clear();
        cpuSeries.clear();
        memorySeries.clear();
        workerCpuSeries.clear();
        workerRssSeries.clear();
        firstSampleMillis = -1;
        memorySeries.add(series("memory used"));
    }

    /** Adds the sample's points; {@code phase} goes before worker names, as in the timeline. */
    void apply(ResourceSample sample, String phase) {
        if (firstSampleMillis < 0) {
            firstSampleMillis = sample.epochMillis();
        }
        double t = (sample.epochMillis() - firstSampleMillis) / 1000.0;
        double[] cores = sample.cpuPerCore();
        if (cpuSeries.isEmpty()) {
            List<XYChart.Series<Number, Number>> created = new ArrayList<>();
            for (int i = 0; i < cores.length; i++) {
                created.add(series("core " + i));
            }
            // last, so that the machine's line is drawn over the cores'
            created.add(series("machine"));
            cpuSeries.setAll(created);
        }
        for (int i = 0; i < cores.length && i < cpuSeries.size() - 1; i++) {
            push(cpuSeries.get(i), t, cores[i] * 100);
        }
        push(cpuSeries.get(cpuSeries.size() - 1), t, sample.cpuTotal() * 100);
        push(memorySeries.get(0), t, sample.memUsedBytes() / MIB);
        sample.workers().forEach((name, w) -> {
            push(workerSeries(workerCpuSeries, phase + name), t, w.cpu() * 100);
            push(workerSeries(workerRssSeries, phase + name), t, w.rssBytes() / MIB);
        });
        dropStale(workerCpuSeries, t);
        dropStale(workerRssSeries, t);
    }

    private XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        points.put(s, new ArrayDeque<>());
        return s;
    }

    private XYChart.Series<Number, Number> workerSeries(ObservableList<XYChart.Series<Number, Number>> list, String name) {
        for (XYChart.Series<Number, Number> s : list) {
            if (s.getName().equals(name)) {
                return s;
            }
        }
        XYChart.Series<Number, Number> s = series(name);
        list.add(s);
        return s;
    }

    /** A replaced worker's line stays until its last point has left the window. */
    private void dropStale(ObservableList<XYChart.Series<Number, Number>> list, double now) {
        list.removeIf(s -> {
            Deque<double[]> d = points.get(s);
            boolean stale = d.isEmpty() || d.peekLast()[0] < now - RunViewModel.WINDOW;
            if (stale) {
                points.remove(s);
            }
            return stale;
        });
    }

    private void push(XYChart.Series<Number, Number> s, double t, double value) {
        if (!Double.isFinite(value) || !Double.isFinite(t)) {
            // One NaN in an auto-ranged axis blanks the whole chart until it has left the window: two minutes.
            return;
        }
        Deque<double[]> d = points.get(s);
        d.addLast(new double[] {t, value});
        while (d.size() > RunViewModel.WINDOW) {
            d.removeFirst();
        }
        // One point in, the oldest out, rather than 120 new points per series every second.
        ObservableList<XYChart.Data<Number, Number>> data = s.getData();
        data.add(new XYChart.Data<>(t, value));
        if (data.size() > RunViewModel.WINDOW) {
            data.remove(0, data.size() - RunViewModel.WINDOW);
        }
    }

    ObservableList<XYChart.Series<Number, Number>> cpuSeries() { return cpuSeries; }
    ObservableList<XYChart.Series<Number, Number>> memorySeries() { return memorySeries; }
    ObservableList<XYChart.Series<Number, Number>> workerCpuSeries() { return workerCpuSeries; }
    ObservableList<XYChart.Series<Number, Number>> workerRssSeries() { return workerRssSeries; }
}
