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

        // One grid for every section, so that a run's figures stand in one column all the way down.
        Table table = new Table(headings);
        table.section("Spec differences", "differencesGrid", comparison.differences().isEmpty()
                ? List.of(new RunsComparison.Row("same spec", headings.stream().map(h -> "the same spec and dataset").toList()))
                : comparison.differences());
        table.section("Timings", "timingsGrid", comparison.timingRows());
        for (RunsComparison.ModelComparison model : comparison.models()) {
            table.section("Model " + model.model(), "model-" + model.model().replace(':', '-'), model.rows());
        }
        content.getChildren().add(table.grid);

        content.getChildren().add(section("Machine resources, each run from its own start"));
        List<String> names = comparison.runs().stream().map(r -> "Run " + r.runId()).toList();
        LineChart<Number, Number> cpu = chart("cpuChart", "CPU (% of the machine)", comparison, names, RunsComparison.ResourceSeries::cpuPercent);
        // A share of the machine ends at 100 %: auto-ranged, a busy machine's axis went up to 125.
        NumberAxis share = (NumberAxis) cpu.getYAxis();
        share.setAutoRanging(false);
        share.setLowerBound(0);
        share.setUpperBound(100);
        share.setTickUnit(25);
        Node memory = chart("memoryChart", "Memory in use (MB)", comparison, names, RunsComparison.ResourceSeries::memUsedMb);
        HBox charts = new HBox(8, cpu, memory);
        HBox.setHgrow(cpu, Priority.ALWAYS);
        HBox.setHgrow(memory, Priority.ALWAYS);
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

    /**
     * The sections as one {@link GridPane}: a title row and the runs' headings per section, then its
     * rows. Each section's cells carry the section's id as a style class, so tests find them by section.
     */
    private static final class Table {
        final GridPane grid = new GridPane();
        private final List<String> headings;
        private int row;

        Table(List<String> headings) {
            this.headings = headings;
            grid.setHgap(16);
            grid.setVgap(4);
            ColumnConstraints labels = new ColumnConstraints();
            labels.setMinWidth(170);
            grid.getColumnConstraints().add(labels);
            for (int c = 0; c < headings.size(); c++) {
                ColumnConstraints column = new ColumnConstraints();
                column.setHgrow(Priority.ALWAYS);
                column.setPercentWidth(-1);
                column.setPrefWidth(100);
                grid.getColumnConstraints().add(column);
            }
        }

        void section(String title, String id, List<RunsComparison.Row> rows) {
            Label heading = ComparisonPane.section(title);
            heading.setPadding(new Insets(row == 0 ? 0 : 8, 0, 0, 0));
            add(heading, id, 0);
            for (int c = 0; c < headings.size(); c++) {
                Label run = new Label(headings.get(c));
                run.setStyle("-fx-font-weight: bold;");
                run.setWrapText(true);
                run.setPadding(heading.getPadding());
                add(run, id, c + 1);
            }
            row++;
            for (RunsComparison.Row r : rows) {
                Label label = new Label(r.label());
                label.getStyleClass().add("muted");
                add(label, id, 0);
                for (int c = 0; c < r.values().size(); c++) {
                    Label value = new Label(r.values().get(c));
                    value.setWrapText(true);
                    value.setAlignment(Pos.TOP_LEFT);
                    if (r.values().get(c).startsWith("⚠")) {
                        value.getStyleClass().add("problem");
                    }
                    add(value, id, c + 1);
                }
                row++;
            }
        }

        private void add(Label label, String id, int column) {
            label.getStyleClass().add(id);
            grid.add(label, column, row);
        }
    }

    private static LineChart<Number, Number> chart(String id, String title, RunsComparison comparison, List<String> names,
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
        chart.setMinHeight(280);
        chart.setPrefHeight(320);
        for (int i = 0; i < comparison.resources().size(); i++) {
            RunsComparison.ResourceSeries s = comparison.resources().get(i);
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(names.get(i));
            double[] v = values.apply(s);
            for (int k = 0; k < s.size(); k++) {
                series.getData().add(new XYChart.Data<>(s.seconds()[k], v[k]));
            }
            chart.getData().add(series);
        }
        return chart;
    }
}
