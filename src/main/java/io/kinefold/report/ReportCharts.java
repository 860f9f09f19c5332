package io.kinefold.report;

import io.kinefold.experiment.GridPointSummary;
import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.Stat;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryMarker;
import org.jfree.chart.plot.CategoryPlot;
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
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        plot.setNoDataMessage("No samples");
        JFreeChart chart = themed(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, data.getSeriesCount() > 0));
        return png(chart, width, height);
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
