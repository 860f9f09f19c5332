package io.kinefold.ui.run;

import io.kinefold.monitor.ResourceSample;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongToDoubleFunction;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * The points of the run view's live charts (machine CPU and memory, each worker's CPU and memory)
 * and the sliding window they keep. Split from {@link RunViewModel} so that the sampling
 * bookkeeping lives apart from running trials; like it, it touches no control, and is only
 * changed under the view model's lock on the UI executor.
 *
 * <p>Every chart keeps the same window: the last {@link RunViewModel#WINDOW} seconds by the run's
 * clock (the timeline's), not a count of points, so that a worker missing from some samples does
 * not reach further back than the machine. The window's edges are properties the view sets its
 * time axes from, so a new run starts on an empty 0–120 s axis rather than the last run's. Every
 * sample stays in {@link #samples()} for the whole-run chart.
 */
final class LiveCharts {
    /** Bytes in a MiB: the charts and the workers table show memory in MiB. */
    static final double MIB = 1024.0 * 1024.0;

    private final ObservableList<XYChart.Series<Number, Number>> cpuSeries = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> memorySeries = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> workerCpuSeries = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> workerRssSeries = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> nodeCpuSeries = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> nodeMemorySeries = FXCollections.observableArrayList();

    // The points of each series as plain numbers: when a worker's series has gone stale.
    private final Map<XYChart.Series<Number, Number>, Deque<double[]>> points = new LinkedHashMap<>();
    private final List<PhasedSample> samples = new ArrayList<>();
    private final ReadOnlyDoubleWrapper windowStart = new ReadOnlyDoubleWrapper(this, "windowStart", 0);
    private final ReadOnlyDoubleWrapper windowEnd = new ReadOnlyDoubleWrapper(this, "windowEnd", RunViewModel.WINDOW);
    private final LongToDoubleFunction clock;

    /** A sample as it arrived, with the comparison's phase its workers belong to. */
    record PhasedSample(ResourceSample sample, String phase) {}

    /** @param clock seconds from the run's start at a sample's wall-clock time: the timeline's clock */
    LiveCharts(LongToDoubleFunction clock) {
        this.clock = clock;
        clear();
    }

    /** Empties every chart for a new run and puts the window back at 0–120 s; the memory chart gets its one series back. */
    void clear() {
        points.clear();
        samples.clear();
        cpuSeries.clear();
        memorySeries.clear();
        workerCpuSeries.clear();
        workerRssSeries.clear();
        nodeCpuSeries.clear();
        nodeMemorySeries.clear();
        windowStart.set(0);
        windowEnd.set(RunViewModel.WINDOW);
        memorySeries.add(series("memory used"));
    }

    /** Adds the sample's points; {@code phase} goes before worker names, as in the timeline. */
    void apply(ResourceSample sample, String phase) {
        samples.add(new PhasedSample(sample, phase));
        double t = clock.applyAsDouble(sample.epochMillis());
        windowEnd.set(Math.max(RunViewModel.WINDOW, t));
        windowStart.set(Math.max(0, t - RunViewModel.WINDOW));
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
        for (XYChart.Series<Number, Number> s : points.keySet()) {
            trim(s, t);
        }
        dropStale(workerCpuSeries, t);
        dropStale(workerRssSeries, t);
    }

    /**
     * Adds a cluster node's sample: its machine's CPU and memory as the node's lines, its workers
     * ({@code HOST:PORT/wN}) beside this machine's. The window follows this machine's samples.
     */
    void applyNode(String node, ResourceSample sample, String phase) {
        double t = clock.applyAsDouble(sample.epochMillis());
        push(workerSeries(nodeCpuSeries, node), t, sample.cpuTotal() * 100);
        push(workerSeries(nodeMemorySeries, node), t, sample.memUsedBytes() / MIB);
        sample.workers().forEach((name, w) -> {
            push(workerSeries(workerCpuSeries, phase + node + "/" + name), t, w.cpu() * 100);
            push(workerSeries(workerRssSeries, phase + node + "/" + name), t, w.rssBytes() / MIB);
        });
        for (XYChart.Series<Number, Number> s : List.copyOf(nodeCpuSeries)) {
            trim(s, t);
        }
        for (XYChart.Series<Number, Number> s : List.copyOf(nodeMemorySeries)) {
            trim(s, t);
        }
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
        points.get(s).addLast(new double[] {t, value});
        s.getData().add(new XYChart.Data<>(t, value));
    }

    /** Drops the points that have left the window: one point in, the oldest out, rather than every point anew. */
    private void trim(XYChart.Series<Number, Number> s, double now) {
        Deque<double[]> d = points.get(s);
        int old = 0;
        while (!d.isEmpty() && d.peekFirst()[0] < now - RunViewModel.WINDOW) {
            d.removeFirst();
            old++;
        }
        if (old > 0) {
            s.getData().remove(0, Math.min(old, s.getData().size()));
        }
    }

    /** Every sample of the run so far, in the order they arrived. */
    List<PhasedSample> samples() { return samples; }
    /** The left edge of every chart's time axis, seconds from the run's start. */
    ReadOnlyDoubleProperty windowStartProperty() { return windowStart.getReadOnlyProperty(); }
    /** The right edge: at least {@link RunViewModel#WINDOW}, else the newest sample. */
    ReadOnlyDoubleProperty windowEndProperty() { return windowEnd.getReadOnlyProperty(); }
    ObservableList<XYChart.Series<Number, Number>> cpuSeries() { return cpuSeries; }
    ObservableList<XYChart.Series<Number, Number>> memorySeries() { return memorySeries; }
    ObservableList<XYChart.Series<Number, Number>> workerCpuSeries() { return workerCpuSeries; }
    ObservableList<XYChart.Series<Number, Number>> workerRssSeries() { return workerRssSeries; }
    /** Each cluster node's machine CPU, % of its cores; empty for a run on this machine. */
    ObservableList<XYChart.Series<Number, Number>> nodeCpuSeries() { return nodeCpuSeries; }
    /** Each cluster node's memory in use, MiB. */
    ObservableList<XYChart.Series<Number, Number>> nodeMemorySeries() { return nodeMemorySeries; }
}
