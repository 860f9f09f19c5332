package io.kinefold.ui.run;

import io.kinefold.ui.common.SeriesLegend;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The run view's Nodes tab: during a cluster run, every node with its workers, busy slots,
 * trials done and its machine's CPU and memory, updated live, and each node's CPU and memory
 * over the last two minutes on the run's clock, as the other live charts.
 */
final class NodesPane extends VBox {
    NodesPane(RunViewModel model) {
        setSpacing(6);
        setPadding(new Insets(6));
        setId("nodesPane");

        TableView<NodeRow> table = new TableView<>(model.nodeRows());
        table.setId("nodeTable");
        table.setPlaceholder(new Label("No cluster nodes: the last run ran on this machine. Run on cluster to use the nodes of a "
                + "cluster (kinefold node)."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().setAll(List.of(
                column("Node", NodeRow::address, 160),
                column("State", NodeRow::state, 70),
                column("Workers", NodeRow::workers, 70),
                column("Busy", NodeRow::busy, 60),
                column("Trials done", NodeRow::trialsDone, 90),
                number("CPU %", NodeRow::cpuPercent, "%.0f"),
                number("Memory (MB)", NodeRow::memoryUsedMb, "%.0f"),
                number("of (MB)", NodeRow::memoryTotalMb, "%.0f")));
        table.setPrefHeight(130);
        table.setMinHeight(90);

        LineChart<Number, Number> cpu = chart("nodeCpuChart", "Node CPU (% of its cores)", "%", model);
        LineChart<Number, Number> memory = chart("nodeMemoryChart", "Node memory in use (MB)", "MB", model);
        cpu.setData(model.nodeCpuSeries());
        memory.setData(model.nodeMemorySeries());
        NumberAxis cpuValues = (NumberAxis) cpu.getYAxis();
        cpuValues.setAutoRanging(false);
        cpuValues.setLowerBound(0);
        cpuValues.setUpperBound(100);
        cpuValues.setTickUnit(25);
        VBox cpuBox = new VBox(2, cpu, new SeriesLegend(cpu));
        VBox memoryBox = new VBox(2, memory, new SeriesLegend(memory));
        VBox.setVgrow(cpu, Priority.ALWAYS);
        VBox.setVgrow(memory, Priority.ALWAYS);
        HBox charts = new HBox(8, cpuBox, memoryBox);
        HBox.setHgrow(cpuBox, Priority.ALWAYS);
        HBox.setHgrow(memoryBox, Priority.ALWAYS);
        cpuBox.setPrefWidth(1);
        memoryBox.setPrefWidth(1);
        VBox.setVgrow(charts, Priority.ALWAYS);
        getChildren().addAll(table, charts);
        model.elapsedProperty().addListener((obs, old, t) -> List.of(cpu, memory).forEach(LineChart::requestLayout));
    }

    private static LineChart<Number, Number> chart(String id, String title, String unit, RunViewModel model) {
        NumberAxis time = new NumberAxis();
        time.setLabel("time (s)");
        time.setAnimated(false);
        time.setAutoRanging(false);
        time.setTickUnit(20);
        time.lowerBoundProperty().bind(model.windowStartProperty());
        time.upperBoundProperty().bind(model.windowEndProperty());
        NumberAxis values = new NumberAxis();
        values.setLabel(unit);
        values.setAnimated(false);
        LineChart<Number, Number> chart = new LineChart<>(time, values);
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.setMinHeight(0);
        return chart;
    }

    private static <T> TableColumn<NodeRow, T> column(String title, Function<NodeRow, T> value, double width) {
        TableColumn<NodeRow, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<NodeRow, Double> number(String title, Function<NodeRow, Double> value, String format) {
        TableColumn<NodeRow, Double> c = column(title, value, 90);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null || item.isNaN() ? null : String.format(Locale.ROOT, format, item));
            }
        });
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }
}
