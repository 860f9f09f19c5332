package io.kinefold.report;

import io.kinefold.monitor.ResourceSample;
import io.kinefold.monitor.WorkerSample;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * CPU and memory charts of a run's resource samples: the machine above, its workers below, on
 * one time axis. They live apart from {@link ReportCharts} because they are most of the chart
 * code and share nothing with the score charts but {@link ChartStyle}; the HTML export calls
 * them directly to draw a comparison's two runs on common {@link Axes}, everyone else through
 * {@link ReportCharts#cpuChart(List, int, int)} and {@link ReportCharts#memoryChart(List, int, int)}.
 */
final class ResourceCharts {
    /** The machine in charts of resources: near black and drawn heavier, so it never reads as a worker. */
    private static final Color MACHINE = new Color(0x303030);
    /** Workers' lines: the usual ten-colour palette without its grey, which is too close to the machine's. */
    private static final Paint[] WORKERS = {
        ChartStyle.ACCURACY, ChartStyle.MACRO_F1, new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0xbcbd22), new Color(0x17becf)};
    private static final double MIB = 1024.0 * 1024.0;

    private ResourceCharts() {}

    /**
     * Axis ranges for resource charts, so that charts drawn side by side take the same scales and
     * their lines compare by eye: the longest run in seconds, the highest machine and worker CPU
     * load in percent, the machine's memory (its total where known, else the most in use) and the
     * largest worker RSS in MB. A NaN leaves that axis to fit its own chart.
     */
    record Axes(double seconds, double machineCpuPercent, double workerCpuPercent, double machineMemoryMb,
                double workerRssMb) {
        /** The ranges that hold every sample of every one of {@code runs}. */
        static Axes fitting(List<List<ResourceSample>> runs) {
            double seconds = Double.NaN;
            double machineCpu = Double.NaN;
            double workerCpu = Double.NaN;
            double machineMemory = Double.NaN;
            double machineTotal = Double.NaN;
            double rss = Double.NaN;
            for (List<ResourceSample> run : runs) {
                long first = Long.MAX_VALUE;
                long last = Long.MIN_VALUE;
                for (ResourceSample s : run) {
                    first = Math.min(first, s.epochMillis());
                    last = Math.max(last, s.epochMillis());
                    machineCpu = max(machineCpu, 100 * s.cpuTotal());
                    machineMemory = max(machineMemory, megabytes(s.memUsedBytes()));
                    machineTotal = max(machineTotal, megabytes(s.memTotalBytes()));
                    for (WorkerSample w : s.workers().values()) {
                        workerCpu = max(workerCpu, 100 * w.cpu());
                        rss = max(rss, megabytes(w.rssBytes()));
                    }
                }
                if (!run.isEmpty()) {
                    seconds = max(seconds, (last - first) / 1000.0);
                }
            }
            return new Axes(seconds, machineCpu, workerCpu, max(machineMemory, machineTotal), rss);
        }

        private static double max(double a, double b) {
            if (!Double.isFinite(b)) {
                return a;
            }
            return Double.isNaN(a) ? b : Math.max(a, b);
        }
    }

    /** As {@link ReportCharts#cpuChart(List, int, int)}, titled and drawn to the given scales. */
    static byte[] cpuChart(List<ResourceSample> samples, int width, int height, String title, Axes axes) {
        ChartStyle.checkSize(width, height);
        List<ResourceSample> sorted = inTimeOrder(samples);
        int cores = sorted.stream().mapToInt(s -> s.cpuPerCore().length).max().orElse(0);
        String subtitle = (cores > 0 ? "machine: % of all " + cores + " cores" : "machine: % of all cores")
                + " · each worker: % of one core";
        // 100 % always shows: a chart topping out at 30 % would otherwise look like a busy machine.
        Part machine = new Part("Machine (%)", List.of(machineLine(sorted, s -> 100 * s.cpuTotal())),
                Math.max(100, finiteOr(axes.machineCpuPercent(), 0)) * 1.05, Double.NaN);
        Part workers = new Part("Each worker (%)", workerLines(sorted, w -> 100 * w.cpu()),
                Math.max(100, finiteOr(axes.workerCpuPercent(), 0)) * 1.05, Double.NaN);
        return resourceChart(title, subtitle, machine, workers, axes.seconds(), width, height);
    }

    /** As {@link ReportCharts#memoryChart(List, int, int)}, titled and drawn to the given scales. */
    static byte[] memoryChart(List<ResourceSample> samples, int width, int height, String title, Axes axes) {
        ChartStyle.checkSize(width, height);
        List<ResourceSample> sorted = inTimeOrder(samples);
        double total = megabytes(sorted.stream().mapToLong(ResourceSample::memTotalBytes).max().orElse(0));
        String subtitle = (Double.isFinite(total)
                ? String.format(Locale.ROOT, "machine: memory in use, of %.0f MB (dashed)", total)
                : "machine: memory in use") + " · each worker: resident set size (RSS)";
        Part machine = new Part("Machine (MB)", List.of(machineLine(sorted, s -> megabytes(s.memUsedBytes()))),
                finiteOr(axes.machineMemoryMb(), Double.NaN) * 1.05, total);
        Part workers = new Part("Worker RSS (MB)", workerLines(sorted, w -> megabytes(w.rssBytes())),
                finiteOr(axes.workerRssMb(), Double.NaN) * 1.1, Double.NaN);
        return resourceChart(title, subtitle, machine, workers, axes.seconds(), width, height);
    }

    /** One line of a resource chart: values by sample, NaN where it has a gap. */
    private record Line(String name, double[] seconds, double[] values, Paint paint, Stroke stroke) {}

    /**
     * The machine's or the workers' half of a resource chart.
     *
     * @param top upper end of the value axis, or NaN to fit the data
     * @param limit a value drawn as a dashed line (the machine's total memory), or NaN for none
     */
    private record Part(String label, List<Line> lines, double top, double limit) {}

    private static double megabytes(long bytes) {
        return bytes > 0 ? bytes / MIB : Double.NaN;
    }

    private static double finiteOr(double v, double otherwise) {
        return Double.isFinite(v) ? v : otherwise;
    }

    private static List<ResourceSample> inTimeOrder(List<ResourceSample> samples) {
        List<ResourceSample> sorted = new ArrayList<>(samples);
        sorted.sort(Comparator.comparingLong(ResourceSample::epochMillis));
        return sorted;
    }

    private static double[] secondsSinceFirst(List<ResourceSample> sorted) {
        double[] seconds = new double[sorted.size()];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = (sorted.get(i).epochMillis() - sorted.get(0).epochMillis()) / 1000.0;
        }
        return seconds;
    }

    private static Line machineLine(List<ResourceSample> sorted, ToDoubleFunction<ResourceSample> value) {
        double[] values = sorted.stream().mapToDouble(value).toArray();
        return new Line("machine", secondsSinceFirst(sorted), values, MACHINE, new BasicStroke(2.4f));
    }

    /**
     * A line per worker, in natural order of names. The colour follows the worker's place in that
     * order, so that {@code w1} has the same colour in two charts side by side; past the palette's
     * end the colours repeat dashed.
     */
    private static List<Line> workerLines(List<ResourceSample> sorted, ToDoubleFunction<WorkerSample> value) {
        TreeSet<String> names = new TreeSet<>(ResourceSample.SOURCE_ORDER);
        sorted.forEach(s -> names.addAll(s.workers().keySet()));
        double[] seconds = secondsSinceFirst(sorted);
        List<Line> lines = new ArrayList<>();
        int i = 0;
        for (String name : names) {
            double[] values = new double[sorted.size()];
            for (int k = 0; k < values.length; k++) {
                WorkerSample w = sorted.get(k).workers().get(name);
                values[k] = w == null ? Double.NaN : value.applyAsDouble(w);
            }
            Stroke stroke = i < WORKERS.length ? new BasicStroke(2f)
                    : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 3f}, 0f);
            lines.add(new Line(name, seconds, values, WORKERS[i % WORKERS.length], stroke));
            i++;
        }
        return lines;
    }

    private static byte[] resourceChart(String title, String subtitle, Part machine, Part workers, double seconds,
                                        int width, int height) {
        NumberAxis x = wholeTicks(new NumberAxis("Time since the first sample (s)"));
        if (seconds > 0) {
            x.setRange(0, seconds);
        } else {
            x.setLowerMargin(0);
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
        plot.setGap(12);
        boolean anyValue = false;
        for (Part part : List.of(machine, workers)) {
            XYPlot sub = part(part);
            anyValue |= sub.getDataset().getSeriesCount() > 0;
            plot.add(sub, 1);
        }
        JFreeChart chart;
        if (anyValue) {
            chart = ChartStyle.themed(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
        } else {
            // A combined plot draws no message of its own; one plain plot says there is nothing.
            NumberAxis none = new NumberAxis();
            none.setVisible(false);
            x.setVisible(false);
            XYPlot empty = new XYPlot(new XYSeriesCollection(), x, none, new XYLineAndShapeRenderer(true, false));
            ChartStyle.styleXyPlot(empty);
            empty.setDomainGridlinesVisible(false);
            empty.setRangeGridlinesVisible(false);
            empty.setNoDataMessage("No samples");
            chart = ChartStyle.themed(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, empty, false));
        }
        chart.addSubtitle(ChartStyle.subtitle(subtitle));
        return ChartStyle.png(chart, width, height);
    }

    private static XYPlot part(Part part) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setAutoPopulateSeriesPaint(false);
        renderer.setAutoPopulateSeriesStroke(false);
        boolean anyValue = false;
        for (Line line : part.lines()) {
            XYSeries s = new XYSeries(line.name(), false, true);
            for (int k = 0; k < line.values().length; k++) {
                double v = line.values()[k];
                anyValue |= Double.isFinite(v);
                // Null, not NaN, marks the gap: the renderer breaks the line there.
                s.add(line.seconds()[k], Double.isFinite(v) ? (Double) v : null);
            }
            int index = data.getSeriesCount();
            data.addSeries(s);
            renderer.setSeriesPaint(index, line.paint());
            renderer.setSeriesStroke(index, line.stroke());
        }
        if (!anyValue) {
            data.removeAllSeries();
        }
        NumberAxis y = wholeTicks(new NumberAxis(part.label()));
        double top = Math.max(finiteOr(part.top(), 0), finiteOr(part.limit(), 0) * 1.05);
        if (top > 0) {
            y.setRange(0, top);
        } else {
            y.setAutoRangeIncludesZero(true);
        }
        XYPlot plot = new XYPlot(data, null, y, renderer);
        ChartStyle.styleXyPlot(plot);
        plot.setNoDataMessage("No samples");
        if (Double.isFinite(part.limit()) && anyValue) {
            ValueMarker limit = new ValueMarker(part.limit(), Color.GRAY, ChartStyle.dashed());
            limit.setLabel(String.format(Locale.ROOT, "total %.0f MB", part.limit()));
            limit.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            limit.setLabelPaint(Color.DARK_GRAY);
            limit.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            limit.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            limit.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            plot.addRangeMarker(limit, Layer.BACKGROUND);
        }
        return plot;
    }

    /**
     * Whole ticks in the ROOT locale: seconds, percent and MB need no decimals, and a report's
     * digits must not change with the language of the machine that exported it.
     */
    private static NumberAxis wholeTicks(NumberAxis axis) {
        axis.setStandardTickUnits(new NumberTickUnitSource(true,
                new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        return axis;
    }
}
