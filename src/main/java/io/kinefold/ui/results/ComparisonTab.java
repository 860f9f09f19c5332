package io.kinefold.ui.results;

import static io.kinefold.ui.results.PointTableView.numberCell;
import static io.kinefold.ui.results.ResultsView.twoLines;

import io.kinefold.ui.common.Tables;
import javafx.beans.binding.Bindings;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The comparison tab of {@link ResultsView}: the timing tables, the summary and the resource
 * charts; shown only when the run has a comparison.
 */
final class ComparisonTab {
    private final ResultsViewModel model;
    private final TabPane sectionTabs;
    private final Tab comparisonTab;
    private final TableView<ComparisonData.TimingRow> totalsTable;
    private final TableColumn<ComparisonData.TimingRow, String> measureColumn;
    private final TableColumn<ComparisonData.TimingRow, String> singleColumn;
    private final TableColumn<ComparisonData.TimingRow, String> poolColumn;
    private final VBox summaryBox;
    private final TableView<ComparisonData.PointTimingRow> perPointTable;
    private final TableColumn<ComparisonData.PointTimingRow, String> pointModelColumn;
    private final TableColumn<ComparisonData.PointTimingRow, String> pointGridColumn;
    private final TableColumn<ComparisonData.PointTimingRow, String> pointParamsColumn;
    private final TableColumn<ComparisonData.PointTimingRow, Double> pointSingleColumn;
    private final TableColumn<ComparisonData.PointTimingRow, Double> pointPoolColumn;
    private final TableColumn<ComparisonData.PointTimingRow, Double> pointRatioColumn;
    private final LineChart<Number, Number> cpuChart;
    private final LineChart<Number, Number> memoryChart;

    ComparisonTab(ResultsViewModel model, TabPane sectionTabs, Tab comparisonTab,
            TableView<ComparisonData.TimingRow> totalsTable,
            TableColumn<ComparisonData.TimingRow, String> measureColumn,
            TableColumn<ComparisonData.TimingRow, String> singleColumn,
            TableColumn<ComparisonData.TimingRow, String> poolColumn, VBox summaryBox,
            TableView<ComparisonData.PointTimingRow> perPointTable,
            TableColumn<ComparisonData.PointTimingRow, String> pointModelColumn,
            TableColumn<ComparisonData.PointTimingRow, String> pointGridColumn,
            TableColumn<ComparisonData.PointTimingRow, String> pointParamsColumn,
            TableColumn<ComparisonData.PointTimingRow, Double> pointSingleColumn,
            TableColumn<ComparisonData.PointTimingRow, Double> pointPoolColumn,
            TableColumn<ComparisonData.PointTimingRow, Double> pointRatioColumn, LineChart<Number, Number> cpuChart,
            LineChart<Number, Number> memoryChart) {
        this.model = model;
        this.sectionTabs = sectionTabs;
        this.comparisonTab = comparisonTab;
        this.totalsTable = totalsTable;
        this.measureColumn = measureColumn;
        this.singleColumn = singleColumn;
        this.poolColumn = poolColumn;
        this.summaryBox = summaryBox;
        this.perPointTable = perPointTable;
        this.pointModelColumn = pointModelColumn;
        this.pointGridColumn = pointGridColumn;
        this.pointParamsColumn = pointParamsColumn;
        this.pointSingleColumn = pointSingleColumn;
        this.pointPoolColumn = pointPoolColumn;
        this.pointRatioColumn = pointRatioColumn;
        this.cpuChart = cpuChart;
        this.memoryChart = memoryChart;
    }

    void init() {
        Tables.column(measureColumn, ComparisonData.TimingRow::measure);
        Tables.column(singleColumn, ComparisonData.TimingRow::single);
        Tables.column(poolColumn, ComparisonData.TimingRow::pool);
        Tables.numbers(singleColumn, poolColumn);
        Tables.column(pointModelColumn, ComparisonData.PointTimingRow::model);
        Tables.column(pointGridColumn, ComparisonData.PointTimingRow::gridPoint);
        Tables.column(pointParamsColumn, ComparisonData.PointTimingRow::hyperparameters);
        Tables.column(pointSingleColumn, ComparisonData.PointTimingRow::singleSeconds);
        Tables.column(pointPoolColumn, ComparisonData.PointTimingRow::poolSeconds);
        Tables.column(pointRatioColumn, ComparisonData.PointTimingRow::poolOverSingle);
        pointSingleColumn.setCellFactory(c -> numberCell(1));
        pointPoolColumn.setCellFactory(c -> numberCell(1));
        pointRatioColumn.setCellFactory(c -> numberCell(2));
        Tables.numbers(pointSingleColumn, pointPoolColumn, pointRatioColumn);
        perPointTable.setPlaceholder(new Label("The comparison lists no grid points"));
        // Tall enough for every row, so neither table scrolls inside the scrolling tab.
        fitRows(totalsTable);
        fitRows(perPointTable);
        cpuChart.setData(model.cpuSeries());
        memoryChart.setData(model.memorySeries());
        model.comparisonProperty().addListener((obs, old, data) -> showComparison(data));
        showComparison(model.comparisonProperty().get());
    }

    /**
     * Makes a table exactly as tall as its header and its rows, so that it neither scrolls inside
     * the scrolling tab nor trails empty rows. The header's height is measured, not guessed: a
     * guess a few pixels short left room for one row and a scroll bar beside it.
     */
    private static void fitRows(TableView<?> table) {
        double row = table.getFixedCellSize();
        javafx.beans.property.DoubleProperty header = new javafx.beans.property.SimpleDoubleProperty(2 * row);
        table.skinProperty().addListener((obs, old, skin) -> {
            if (table.lookup(".column-header-background") instanceof Region r) {
                header.bind(r.heightProperty());
            }
        });
        table.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(1, table.getItems().size()) * row + header.get() + table.snappedTopInset()
                        + table.snappedBottomInset() + 2,
                table.getItems(), header, table.insetsProperty()));
        table.minHeightProperty().bind(table.prefHeightProperty());
        table.maxHeightProperty().bind(table.prefHeightProperty());
    }

    private void showComparison(ComparisonData data) {
        if (data == null) {
            sectionTabs.getTabs().remove(comparisonTab);
            totalsTable.getItems().clear();
            perPointTable.getItems().clear();
            summaryBox.getChildren().clear();
            return;
        }
        singleColumn.setText(twoLines(data.singleHeader()));
        poolColumn.setText(twoLines(data.poolHeader()));
        totalsTable.getItems().setAll(data.totals());
        perPointTable.getItems().setAll(data.perGridPoint());
        summaryBox.getChildren().clear();
        for (String line : data.summary()) {
            Label label = new Label(line);
            label.setWrapText(true);
            summaryBox.getChildren().add(label);
        }
        summaryBox.getChildren().get(0).getStyleClass().add("comparison-verdict");
        if (!sectionTabs.getTabs().contains(comparisonTab)) {
            sectionTabs.getTabs().add(comparisonTab);
        }
    }
}
