package io.kinefold.ui.results;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;

/**
 * A line chart that also draws what {@link LineChart} cannot: error bars (a point's extra value is
 * its sd), horizontal reference lines (the baselines), vertical markers (the epoch a fold kept)
 * and a marked point (the best grid point). The overlay's nodes are made when the data or the
 * marks change and only moved on layout, so that a layout never changes the scene graph.
 */
final class MarkedChart extends LineChart<Number, Number> {
    /**
     * A horizontal or vertical line at {@code value} on its axis, with its label.
     *
     * @param styleClass e.g. {@code baseline-line}; the label gets it with {@code -label}
     */
    record Mark(double value, String label, String styleClass) {}

    private record Bar(Data<Number, Number> data, double sd, Line line, Line top, Line bottom) {}

    private record Drawn(Mark mark, Line line, Text text) {}

    private final List<Bar> bars = new ArrayList<>();
    private final List<Drawn> horizontal = new ArrayList<>();
    private final List<Drawn> vertical = new ArrayList<>();
    private Data<Number, Number> marked;
    private Text markedText;

    MarkedChart(NumberAxis x, NumberAxis y) {
        super(x, y);
        setAnimated(false);
        // Zero means nothing on these axes (a value's index, an epoch, a loss): no line for it.
        setVerticalZeroLineVisible(false);
        setHorizontalZeroLineVisible(false);
    }

    /**
     * Shows {@code series} with the marks; points whose extra value is a positive number get an
     * error bar of that half-length; {@code best} (one of the points, or null) is starred with
     * {@code bestLabel}.
     */
    void show(List<Series<Number, Number>> series, List<Mark> across, List<Mark> down, Data<Number, Number> best,
              String bestLabel) {
        getPlotChildren().removeAll(overlay());
        bars.clear();
        horizontal.clear();
        vertical.clear();
        markedText = null;
        getData().setAll(series);
        for (Series<Number, Number> s : series) {
            for (Data<Number, Number> d : s.getData()) {
                if (d.getExtraValue() instanceof Double sd && Double.isFinite(sd) && sd > 0) {
                    bars.add(new Bar(d, sd, styled(new Line(), "error-bar"), styled(new Line(), "error-bar"),
                            styled(new Line(), "error-bar")));
                }
            }
        }
        for (Mark m : across) {
            horizontal.add(new Drawn(m, styled(new Line(), m.styleClass()), styled(new Text(m.label()), m.styleClass() + "-label")));
        }
        for (Mark m : down) {
            vertical.add(new Drawn(m, styled(new Line(), m.styleClass()), styled(new Text(m.label()), m.styleClass() + "-label")));
        }
        marked = best;
        if (best != null) {
            markedText = styled(new Text("★ " + bestLabel), "best-marker");
        }
        getPlotChildren().addAll(overlay());
        requestChartLayout();
    }

    private List<Node> overlay() {
        List<Node> nodes = new ArrayList<>();
        for (Bar b : bars) {
            nodes.addAll(List.of(b.line(), b.top(), b.bottom()));
        }
        for (Drawn d : horizontal) {
            nodes.addAll(List.of(d.line(), d.text()));
        }
        for (Drawn d : vertical) {
            nodes.addAll(List.of(d.line(), d.text()));
        }
        if (markedText != null) {
            nodes.add(markedText);
        }
        return nodes;
    }

    private static <N extends Node> N styled(N node, String styleClass) {
        node.getStyleClass().add(styleClass);
        node.setManaged(false);
        return node;
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis xAxis = (NumberAxis) getXAxis();
        NumberAxis yAxis = (NumberAxis) getYAxis();
        double width = xAxis.getWidth();
        double height = yAxis.getHeight();
        for (Bar b : bars) {
            double x = xAxis.getDisplayPosition(b.data().getXValue());
            double mean = b.data().getYValue().doubleValue();
            double top = yAxis.getDisplayPosition(mean + b.sd());
            double bottom = yAxis.getDisplayPosition(mean - b.sd());
            place(b.line(), x, top, x, bottom);
            place(b.top(), x - 4, top, x + 4, top);
            place(b.bottom(), x - 4, bottom, x + 4, bottom);
        }
        for (Drawn d : horizontal) {
            double y = yAxis.getDisplayPosition(d.mark().value());
            place(d.line(), 0, y, width, y);
            // At the left end: the best point, starred above itself, is more often on the right.
            d.text().relocate(4, y - d.text().getLayoutBounds().getHeight() - 1);
        }
        double row = 0;
        for (Drawn d : vertical) {
            double x = xAxis.getDisplayPosition(d.mark().value());
            place(d.line(), x, 0, x, height);
            double textWidth = d.text().getLayoutBounds().getWidth();
            d.text().relocate(x + textWidth + 6 < width ? x + 3 : x - textWidth - 3, 2 + row);
            row += d.text().getLayoutBounds().getHeight();
        }
        if (marked != null && markedText != null) {
            double x = xAxis.getDisplayPosition(marked.getXValue());
            double y = yAxis.getDisplayPosition(marked.getYValue());
            double w = markedText.getLayoutBounds().getWidth();
            markedText.relocate(Math.max(0, Math.min(width - w, x - w / 2)),
                    Math.max(0, y - markedText.getLayoutBounds().getHeight() - 8));
        }
    }

    private static void place(Line line, double x1, double y1, double x2, double y2) {
        line.setStartX(x1);
        line.setStartY(y1);
        line.setEndX(x2);
        line.setEndY(y2);
    }

    /** The reference lines drawn, for tests: their labels in order. */
    List<String> acrossLabels() {
        return horizontal.stream().map(d -> d.text().getText()).toList();
    }

    /** The vertical markers drawn, for tests: their labels in order. */
    List<String> downLabels() {
        return vertical.stream().map(d -> d.text().getText()).toList();
    }

    /** The error bars drawn, for tests. */
    int errorBars() {
        return bars.size();
    }

    /** The best point's label, or null, for tests. */
    String markedLabel() {
        return markedText == null ? null : markedText.getText();
    }
}
