package io.kinefold.report;

import io.kinefold.experiment.GridPointSummary;
import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.Stat;
import io.kinefold.monitor.ResourceSample;
import io.kinefold.monitor.WorkerSample;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryMarker;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Charts for exported reports, drawn off screen with JFreeChart and returned as PNG bytes. Only
 * Java2D is used, so they render in a headless JVM (a CLI export on a server) as well as beside
 * the GUI; nothing here touches a display or shares state between calls.
 */
public final class ReportCharts {
    /** Blue and orange: told apart with every common kind of colour blindness. */
    private static final Color ACCURACY = new Color(0x1f77b4);
    private static final Color MACRO_F1 = new Color(0xe8710a);
    private static final Color BEST_BAND = new Color(0xffe9a8);
    private static final Color GRID = new Color(0xdddddd);
    private static final Paint[] SERIES = {
        ACCURACY, MACRO_F1, new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b),
        new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};
    /** The machine in charts of resources: near black and drawn heavier, so it never reads as a worker. */
    private static final Color MACHINE = new Color(0x303030);
    /** Workers' lines: SERIES without its grey, which is too close to the machine's. */
    private static final Paint[] WORKERS = {
        ACCURACY, MACRO_F1, new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b),
        new Color(0xe377c2), new Color(0xbcbd22), new Color(0x17becf)};
    private static final double MIB = 1024.0 * 1024.0;
    /** Beyond this many grid points horizontal tick labels collide. */
    private static final int UPRIGHT_LABELS_ABOVE = 16;

    private ReportCharts() {}

    /**
     * Mean accuracy and macro-F1 of every grid point of a model with ±1 sd error bars, the best
     * grid point shaded and the majority-class rate drawn as the line to beat.
     */
    public static byte[] accuracyChart(ModelSummary model, int width, int height) {
        checkSize(width, height);
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        double[] span = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (GridPointSummary p : model.points()) {
            String key = ReportText.gridLabel(p.gridPoint());
            addScore(data, "Accuracy", key, p.accuracy(), span);
            addScore(data, "Macro-F1", key, p.macroF1(), span);
        }
        double low = span[0];
        double high = span[1];
        CategoryAxis domain = new CategoryAxis("Grid point (index in the model's grid)");
        NumberAxis range = new NumberAxis("Score on the test fold (fraction, 0–1)");
        StatisticalLineAndShapeRenderer renderer = new StatisticalLineAndShapeRenderer(false, true);
        // The theme applied in themed() would otherwise replace these colours with its own.
        renderer.setAutoPopulateSeriesPaint(false);
        renderer.setUseSeriesOffset(true);
        renderer.setItemMargin(0.3);
        renderer.setSeriesPaint(0, ACCURACY);
        renderer.setSeriesPaint(1, MACRO_F1);
        // Square and circle as well as blue and orange, so the series part in greyscale prints too.
        renderer.setSeriesShape(0, new Rectangle2D.Double(-4, -4, 8, 8));
        renderer.setSeriesShape(1, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
        renderer.setErrorIndicatorStroke(new BasicStroke(1.5f));
        renderer.setDefaultShapesFilled(true);
        CategoryPlot plot = new CategoryPlot(data, domain, range, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        styleCategoryPlot(plot);
        if (model.points().size() > UPRIGHT_LABELS_ABOVE) {
            domain.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        }
        GridPointSummary best = model.bestPoint();
        if (best != null) {
            plot.addDomainMarker(bestBand(ReportText.gridLabel(best.gridPoint())), Layer.BACKGROUND);
        }
        boolean anyScore = Double.isFinite(low);
        // Without a score the line would only cross the "no data" message.
        if (anyScore && Double.isFinite(model.majorityRate())) {
            low = Math.min(low, model.majorityRate());
            high = Math.max(high, model.majorityRate());
            plot.addRangeMarker(majorityLine(model.majorityRate()), Layer.BACKGROUND);
        }
        if (anyScore) {
            // Scores live in [0, 1]; zooming to the data keeps small differences visible.
            double lower = Math.max(0, Math.floor((low - 0.02) * 20) / 20);
            double upper = Math.min(1, Math.ceil((high + 0.02) * 20) / 20);
            range.setRange(lower, upper > lower ? upper : lower + 0.05);
        } else {
            range.setRange(0, 1);
        }
        plot.setNoDataMessage("No successful fold");
        JFreeChart chart = themed(new JFreeChart(model.model() + ": accuracy and macro-F1 per grid point",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true));
        chart.addSubtitle(new TextTitle(anyScore
                ? "mean over folds with ±1 sd; shaded: best grid point; dashed: majority-class rate"
                : "no grid point has a successful fold", new Font(Font.SANS_SERIF, Font.PLAIN, 12), Color.DARK_GRAY,
                RectangleEdge.TOP, TextTitle.DEFAULT_HORIZONTAL_ALIGNMENT, TextTitle.DEFAULT_VERTICAL_ALIGNMENT,
                TextTitle.DEFAULT_PADDING));
        return png(chart, width, height);
    }

    /** Adds one score, widening {@code span} ({low, high}) by its mean ± sd. */
    private static void addScore(DefaultStatisticalCategoryDataset data, String series, String key, Stat s,
                                 double[] span) {
        Double mean = s != null && Double.isFinite(s.mean()) ? s.mean() : null;
        Double sd = mean != null && Double.isFinite(s.sd()) ? s.sd() : null;
        // Null, not NaN: the renderer skips a null but would draw a NaN at the plot's corner.
        data.add(mean, sd, series, key);
        if (mean != null) {
            double spread = sd == null ? 0 : sd;
            span[0] = Math.min(span[0], mean - spread);
            span[1] = Math.max(span[1], mean + spread);
        }
    }

    private static CategoryMarker bestBand(String key) {
        CategoryMarker band = new CategoryMarker(key, BEST_BAND, new BasicStroke(1f));
        band.setDrawAsLine(false);
        band.setLabel("best");
        band.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
        band.setLabelAnchor(RectangleAnchor.TOP);
        band.setLabelTextAnchor(TextAnchor.TOP_CENTER);
        return band;
    }

    private static ValueMarker majorityLine(double rate) {
        ValueMarker line = new ValueMarker(rate, Color.GRAY,
                new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        line.setLabel(String.format(Locale.ROOT, "majority class %.3f", rate));
        line.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        line.setLabelPaint(Color.DARK_GRAY);
        line.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        line.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
        line.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        return line;
    }

    /**
     * Lines over time, e.g. CPU load or resident memory of each worker.
     *
     * @param series name to rows of {@code {secondsSinceStart, value}}; a row with a non-finite
     *     value leaves a gap in its line
     */
    public static byte[] timeSeriesChart(String title, String yLabel, Map<String, double[][]> series, int width,
                                         int height) {
        checkSize(width, height);
        XYSeriesCollection data = new XYSeriesCollection();
        if (series != null) {
            series.forEach((name, rows) -> {
                XYSeries s = new XYSeries(name, false, true);
                for (double[] row : rows == null ? new double[0][] : rows) {
                    if (row == null || row.length < 2 || !Double.isFinite(row[0])) {
                        continue;
                    }
                    s.add(row[0], Double.isFinite(row[1]) ? (Double) row[1] : null);
                }
                data.addSeries(s);
            });
        }
        NumberAxis x = new NumberAxis("Time since start (s)");
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setAutoPopulateSeriesPaint(false);
        renderer.setAutoPopulateSeriesStroke(false);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, SERIES[i % SERIES.length]);
            renderer.setSeriesStroke(i, new BasicStroke(1.8f));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        styleXyPlot(plot);
        plot.setNoDataMessage("No samples");
        JFreeChart chart = themed(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, data.getSeriesCount() > 0));
        return png(chart, width, height);
    }

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

    /**
     * CPU load over the seconds since the first sample: the machine's in percent of all its cores
     * above, each worker's in percent of one core below, on one time axis. Each part has its own
     * axis because the two percentages mean different things: on 12 cores a pool of two busy
     * workers reads about 17 % above and 100 % below. A worker absent at a sample (not started yet,
     * or recycled) leaves a gap in its line, as does a load the monitor could not measure.
     */
    public static byte[] cpuChart(List<ResourceSample> samples, int width, int height) {
        return cpuChart(samples, width, height, "CPU load", Axes.fitting(List.of(samples)));
    }

    /**
     * Memory over the seconds since the first sample, in MB (2^20 bytes): the machine's memory in
     * use above, drawn up to its total (dashed) so the headroom shows, and each worker's resident
     * set size below, on its own axis so that a worker's growth shows even beside gigabytes of
     * machine memory. Gaps as in {@link #cpuChart(List, int, int)}.
     */
    public static byte[] memoryChart(List<ResourceSample> samples, int width, int height) {
        return memoryChart(samples, width, height, "Memory", Axes.fitting(List.of(samples)));
    }

    static byte[] cpuChart(List<ResourceSample> samples, int width, int height, String title, Axes axes) {
        checkSize(width, height);
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

    static byte[] memoryChart(List<ResourceSample> samples, int width, int height, String title, Axes axes) {
        checkSize(width, height);
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
            chart = themed(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
        } else {
            // A combined plot draws no message of its own; one plain plot says there is nothing.
            NumberAxis none = new NumberAxis();
            none.setVisible(false);
            x.setVisible(false);
            XYPlot empty = new XYPlot(new XYSeriesCollection(), x, none, new XYLineAndShapeRenderer(true, false));
            styleXyPlot(empty);
            empty.setDomainGridlinesVisible(false);
            empty.setRangeGridlinesVisible(false);
            empty.setNoDataMessage("No samples");
            chart = themed(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, empty, false));
        }
        chart.addSubtitle(new TextTitle(subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 12), Color.DARK_GRAY,
                RectangleEdge.TOP, TextTitle.DEFAULT_HORIZONTAL_ALIGNMENT, TextTitle.DEFAULT_VERTICAL_ALIGNMENT,
                TextTitle.DEFAULT_PADDING));
        return png(chart, width, height);
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
        styleXyPlot(plot);
        plot.setNoDataMessage("No samples");
        if (Double.isFinite(part.limit()) && anyValue) {
            ValueMarker limit = new ValueMarker(part.limit(), Color.GRAY, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
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

    private static void styleXyPlot(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
    }

    private static void styleCategoryPlot(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlinesVisible(false);
        plot.setOutlineVisible(false);
    }

    /** Applied before anything is added that the theme would restyle, such as subtitles. */
    private static JFreeChart themed(JFreeChart chart) {
        // JFreeChart's default theme names Tahoma, absent on most Linux machines; the logical
        // SansSerif font always resolves to something.
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        theme.setLargeFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getLegend() != null) {
            chart.getLegend().setPosition(RectangleEdge.BOTTOM);
            chart.getLegend().setFrame(BlockBorder.NONE);
        }
        return chart;
    }

    private static byte[] png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart as PNG", e);
        }
        return out.toByteArray();
    }

    private static void checkSize(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("chart size must be positive, got " + width + " × " + height);
        }
    }
}
