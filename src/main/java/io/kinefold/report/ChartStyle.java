package io.kinefold.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;

/**
 * The look every report chart shares (palette, fonts, plot style) and the PNG encoding. It is
 * kept apart from {@link ReportCharts} and {@link ResourceCharts} so that the score charts and the
 * resource charts, which otherwise have nothing in common, cannot drift apart in colours or fonts,
 * and so that neither has to be read to change the other.
 */
final class ChartStyle {
    /** Blue and orange: told apart with every common kind of colour blindness. */
    static final Color ACCURACY = new Color(0x1f77b4);
    static final Color MACRO_F1 = new Color(0xe8710a);
    static final Color GRID = new Color(0xdddddd);

    private ChartStyle() {}

    /** A dark grey line of explanation under a chart's title. */
    static TextTitle subtitle(String text) {
        return new TextTitle(text, new Font(Font.SANS_SERIF, Font.PLAIN, 12), Color.DARK_GRAY,
                RectangleEdge.TOP, TextTitle.DEFAULT_HORIZONTAL_ALIGNMENT, TextTitle.DEFAULT_VERTICAL_ALIGNMENT,
                TextTitle.DEFAULT_PADDING);
    }

    /** The grey dashes of a reference line: the majority-class rate, the machine's total memory. */
    static BasicStroke dashed() {
        return new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }

    static void styleXyPlot(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
    }

    static void styleCategoryPlot(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlinesVisible(false);
        plot.setOutlineVisible(false);
    }

    /** Applied before anything is added that the theme would restyle, such as subtitles. */
    static JFreeChart themed(JFreeChart chart) {
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

    static byte[] png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart as PNG", e);
        }
        return out.toByteArray();
    }

    static void checkSize(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("chart size must be positive, got " + width + " × " + height);
        }
    }
}
