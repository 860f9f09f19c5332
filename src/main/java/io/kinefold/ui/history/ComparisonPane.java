package io.kinefold.ui.history;

import io.kinefold.report.RunsComparison;
import java.util.List;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Lays out a {@link RunsComparison}: one column per run, a section each for the spec differences,
 * the timings and every model, then the machine's CPU and memory of every run on one time axis
 * measured from each run's start. Shows only what the comparison worded; computes nothing.
 */
final class ComparisonPane {
    private ComparisonPane() {}

    static ScrollPane of(RunsComparison comparison, Function<RunsComparison.RunColumn, String> title) {
        List<String> headings = comparison.runs().stream().map(title).toList();
        VBox content = new VBox(10);
        content.setPadding(new Insets(12));
        content.setId("comparisonContent");

        content.getChildren().add(section("Spec differences"));
        if (comparison.differences().isEmpty()) {
            Label same = new Label("The runs ran the same spec on the same dataset.");
            same.setId("sameSpec");
            content.getChildren().add(same);
        } else {
            content.getChildren().add(grid("differencesGrid", headings, comparison.differences()));
        }
        content.getChildren().add(section("Timings"));
        content.getChildren().add(grid("timingsGrid", headings, comparison.timingRows()));
        for (RunsComparison.ModelComparison model : comparison.models()) {
            content.getChildren().add(section("Model " + model.model()));
            content.getChildren().add(grid("model-" + model.model().replace(':', '-'), headings, model.rows()));
        }
        content.getChildren().add(section("Machine resources, from each run's start"));
        HBox charts = new HBox(8, chart("cpuChart", "CPU (% of the machine)", comparison, headings,
                        RunsComparison.ResourceSeries::cpuPercent),
                chart("memoryChart", "Memory in use (MB)", comparison, headings, RunsComparison.ResourceSeries::memUsedMb));
        charts.getChildren().forEach(c -> HBox.setHgrow(c, Priority.ALWAYS));
        content.getChildren().add(charts);
        if (comparison.resources().stream().allMatch(s -> s.size() == 0)) {
            Label none = new Label("No resource samples were stored with these runs.");
            none.getStyleClass().add("muted");
            content.getChildren().add(none);
        }

        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setId("comparisonPane");
        return scroll;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }

    private static GridPane grid(String id, List<String> headings, List<RunsComparison.Row> rows) {
        GridPane grid = new GridPane();
        grid.setId(id);
        grid.setHgap(16);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(170);
        grid.getColumnConstraints().add(labels);
        for (int c = 0; c < headings.size(); c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
            Label heading = new Label(headings.get(c));
            heading.setStyle("-fx-font-weight: bold;");
            heading.setWrapText(true);
            grid.add(heading, c + 1, 0);
        }
        for (int r = 0; r < rows.size(); r++) {
            RunsComparison.Row row = rows.get(r);
            Label label = new Label(row.label());
            label.getStyleClass().add("muted");
            grid.add(label, 0, r + 1);
            for (int c = 0; c < row.values().size(); c++) {
                Label value = new Label(row.values().get(c));
                value.setWrapText(true);
                value.setAlignment(Pos.TOP_LEFT);
                if (row.values().get(c).startsWith("⚠")) {
                    value.getStyleClass().add("problem");
                }
                grid.add(value, c + 1, r + 1);
            }
        }
        return grid;
    }

    private static Node chart(String id, String title, RunsComparison comparison, List<String> headings,
                              Function<RunsComparison.ResourceSeries, double[]> values) {
        NumberAxis x = new NumberAxis();
        x.setLabel("seconds since the run started");
        x.setForceZeroInRange(true);
        NumberAxis y = new NumberAxis();
        y.setLabel(title);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setMinHeight(260);
        chart.setPrefHeight(300);
        for (int i = 0; i < comparison.resources().size(); i++) {
            RunsComparison.ResourceSeries s = comparison.resources().get(i);
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(headings.get(i));
            double[] v = values.apply(s);
            for (int k = 0; k < s.size(); k++) {
                series.getData().add(new XYChart.Data<>(s.seconds()[k], v[k]));
            }
            chart.getData().add(series);
        }
        return chart;
    }
}
