package io.kinefold.ui.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * A compact legend for a live {@link LineChart}, to use instead of the chart's own: one row that
 * wraps, under the chart, which stays when the window is small (a chart hides its own legend
 * once the legend would leave too little room for the plot, as all four of the run view's did at
 * 1280×600). The cores of a CPU chart are one entry, not one per core. It also colours the lines,
 * with the colours of {@link WholeRunChart}: the machine near black, the cores light grey, the
 * memory blue, each worker the colour it got when it first appeared (kept while its line stays,
 * so a dropped line does not recolour the others).
 */
public final class SeriesLegend extends FlowPane {
    private final Map<String, Color> workerColours = new LinkedHashMap<>();
    private final ObservableList<XYChart.Series<Number, Number>> series;

    /** Hides the chart's own legend and follows its series. */
    public SeriesLegend(LineChart<Number, Number> chart) {
        super(10, 2);
        getStyleClass().add("series-legend");
        setMinHeight(Region.USE_PREF_SIZE);
        chart.setLegendVisible(false);
        this.series = chart.getData();
        prefWrapLengthProperty().bind(chart.widthProperty());
        series.addListener((ListChangeListener<XYChart.Series<Number, Number>>) c -> update());
        update();
    }

    /** The entries as shown. */
    public List<String> entries() {
        return getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    private void update() {
        if (series.isEmpty()) {
            workerColours.clear();
        }
        List<Label> items = new ArrayList<>();
        int cores = 0;
        for (XYChart.Series<Number, Number> s : series) {
            String name = s.getName();
            Color colour = colour(name);
            if (s.getNode() != null) {
                s.getNode().setStyle(String.format(Locale.ROOT, "-fx-stroke: %s; -fx-stroke-width: %s;", web(colour),
                        name.equals("machine") ? "2px" : name.startsWith("core ") ? "1px" : "1.5px"));
            }
            if (name.startsWith("core ")) {
                cores++;
            } else {
                items.add(item(name, colour));
            }
        }
        if (cores > 0) {
            items.add(0, item(cores + (cores == 1 ? " core" : " cores"), WholeRunChart.CORE));
        }
        getChildren().setAll(items);
    }

    private Color colour(String name) {
        if (name.equals("machine")) {
            return WholeRunChart.MACHINE;
        }
        if (name.startsWith("core ")) {
            return WholeRunChart.CORE;
        }
        if (name.startsWith("memory")) {
            return WholeRunChart.MEMORY;
        }
        return workerColours.computeIfAbsent(name,
                n -> WholeRunChart.WORKERS[workerColours.size() % WholeRunChart.WORKERS.length]);
    }

    private static Label item(String text, Color colour) {
        Label l = new Label(text, new Rectangle(10, 10, colour));
        l.getStyleClass().add("series-legend-item");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static String web(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
