package io.kinefold.report;

import io.kinefold.experiment.GridPointSummary;
import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.Stat;
import io.kinefold.monitor.ResourceSample;
import io.kinefold.report.ResourceCharts.Axes;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryMarker;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * Charts for exported reports, drawn off screen with JFreeChart and returned as PNG bytes. Only
 * Java2D is used, so they render in a headless JVM (a CLI export on a server) as well as beside
 * the GUI; nothing here touches a display or shares state between calls.
 *
 * <p>This class is the entry point and draws the score charts itself; the resource charts are
 * drawn by {@link ResourceCharts} and the look they all share comes from {@link ChartStyle}.
 */
public final class ReportCharts {
    private static final Color BEST_BAND = new Color(0xffe9a8);
    /** Beyond this many grid points horizontal tick labels collide. */
    private static final int UPRIGHT_LABELS_ABOVE = 16;

    private ReportCharts() {}

    /**
     * Mean accuracy and macro-F1 of every grid point of a model with ±1 sd error bars, the best
     * grid point shaded and the majority-class rate drawn as the line to beat.
     */
    public static byte[] accuracyChart(ModelSummary model, int width, int height) {
        ChartStyle.checkSize(width, height);
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
        // The theme applied in ChartStyle.themed() would otherwise replace these colours with its own.
        renderer.setAutoPopulateSeriesPaint(false);
        renderer.setUseSeriesOffset(true);
        renderer.setItemMargin(0.3);
        renderer.setSeriesPaint(0, ChartStyle.ACCURACY);
        renderer.setSeriesPaint(1, ChartStyle.MACRO_F1);
        // Square and circle as well as blue and orange, so the series part in greyscale prints too.
        renderer.setSeriesShape(0, new Rectangle2D.Double(-4, -4, 8, 8));
        renderer.setSeriesShape(1, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
        renderer.setErrorIndicatorStroke(new BasicStroke(1.5f));
        renderer.setDefaultShapesFilled(true);
        CategoryPlot plot = new CategoryPlot(data, domain, range, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        ChartStyle.styleCategoryPlot(plot);
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
        JFreeChart chart = ChartStyle.themed(new JFreeChart(model.model() + ": accuracy and macro-F1 per grid point",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true));
        chart.addSubtitle(ChartStyle.subtitle(anyScore
                ? "mean over folds with ±1 sd; shaded: best grid point; dashed: majority-class rate"
                : "no grid point has a successful fold"));
        return ChartStyle.png(chart, width, height);
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
        ValueMarker line = new ValueMarker(rate, Color.GRAY, ChartStyle.dashed());
        line.setLabel(String.format(Locale.ROOT, "majority class %.3f", rate));
        line.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        line.setLabelPaint(Color.DARK_GRAY);
        line.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        line.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
        line.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        return line;
    }

    /**
     * CPU load over the seconds since the first sample: the machine's in percent of all its cores
     * above, each worker's in percent of one core below, on one time axis. Each part has its own
     * axis because the two percentages mean different things: on 12 cores a pool of two busy
     * workers reads about 17 % above and 100 % below. A worker absent at a sample (not started yet,
     * or recycled) leaves a gap in its line, as does a load the monitor could not measure.
     */
    public static byte[] cpuChart(List<ResourceSample> samples, int width, int height) {
        return ResourceCharts.cpuChart(samples, width, height, "CPU load", Axes.fitting(List.of(samples)));
    }

    /**
     * Memory over the seconds since the first sample, in MB (2^20 bytes): the machine's memory in
     * use above, drawn up to its total (dashed) so the headroom shows, and each worker's resident
     * set size below, on its own axis so that a worker's growth shows even beside gigabytes of
     * machine memory. Gaps as in {@link #cpuChart(List, int, int)}.
     */
    public static byte[] memoryChart(List<ResourceSample> samples, int width, int height) {
        return ResourceCharts.memoryChart(samples, width, height, "Memory", Axes.fitting(List.of(samples)));
    }
}
