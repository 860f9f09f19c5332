package io.kinefold.ui.results;

import static io.kinefold.ui.results.PointTableView.numberCell;

import io.kinefold.ui.common.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

/**
 * The folds and learning-curves tab of {@link ResultsView}: the selected grid point's folds and
 * their loss by epoch.
 */
final class FoldsTab {
    private final ResultsViewModel model;
    private final Label pointTitleLabel;
    private final Button allFoldsButton;
    private final TableView<FoldRow> foldTable;
    private final TableColumn<FoldRow, Integer> foldColumn;
    private final TableColumn<FoldRow, Double> foldAccuracyColumn;
    private final TableColumn<FoldRow, Double> foldMacroF1Column;
    private final TableColumn<FoldRow, Double> foldTimeColumn;
    private final TableColumn<FoldRow, Integer> foldEpochsColumn;
    private final TableColumn<FoldRow, Integer> foldKeptColumn;
    private final TableColumn<FoldRow, String> foldStatusColumn;
    private final StackPane curvesPane;
    private final Label curvesEmptyLabel;
    private MarkedChart curvesChart;

    FoldsTab(ResultsViewModel model, Label pointTitleLabel, Button allFoldsButton, TableView<FoldRow> foldTable,
            TableColumn<FoldRow, Integer> foldColumn, TableColumn<FoldRow, Double> foldAccuracyColumn,
            TableColumn<FoldRow, Double> foldMacroF1Column, TableColumn<FoldRow, Double> foldTimeColumn,
            TableColumn<FoldRow, Integer> foldEpochsColumn, TableColumn<FoldRow, Integer> foldKeptColumn,
            TableColumn<FoldRow, String> foldStatusColumn, StackPane curvesPane, Label curvesEmptyLabel) {
        this.model = model;
        this.pointTitleLabel = pointTitleLabel;
        this.allFoldsButton = allFoldsButton;
        this.foldTable = foldTable;
        this.foldColumn = foldColumn;
        this.foldAccuracyColumn = foldAccuracyColumn;
        this.foldMacroF1Column = foldMacroF1Column;
        this.foldTimeColumn = foldTimeColumn;
        this.foldEpochsColumn = foldEpochsColumn;
        this.foldKeptColumn = foldKeptColumn;
        this.foldStatusColumn = foldStatusColumn;
        this.curvesPane = curvesPane;
        this.curvesEmptyLabel = curvesEmptyLabel;
    }

    void init() {
        pointTitleLabel.textProperty().bind(model.pointTitleProperty());
        Tables.column(foldColumn, FoldRow::fold);
        Tables.column(foldAccuracyColumn, FoldRow::accuracy);
        foldAccuracyColumn.setCellFactory(c -> numberCell(3));
        Tables.column(foldMacroF1Column, FoldRow::macroF1);
        foldMacroF1Column.setCellFactory(c -> numberCell(3));
        Tables.column(foldTimeColumn, FoldRow::trainSeconds);
        foldTimeColumn.setCellFactory(c -> numberCell(2));
        Tables.column(foldEpochsColumn, FoldRow::epochs);
        foldEpochsColumn.setCellFactory(c -> epochCell());
        Tables.column(foldKeptColumn, FoldRow::chosenEpoch);
        foldKeptColumn.setCellFactory(c -> epochCell());
        Tables.column(foldStatusColumn, r -> r.status().name().toLowerCase(Locale.ROOT));
        Tables.numbers(foldColumn, foldAccuracyColumn, foldMacroF1Column, foldTimeColumn, foldEpochsColumn, foldKeptColumn);
        Tables.sortable(foldTable, model.foldRows());
        foldTable.setPlaceholder(new Label("Select a grid point to see its folds"));
        foldTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(FoldRow item, boolean empty) {
                super.updateItem(item, empty);
                setTooltip(empty || item == null || item.error() == null ? null
                        : new Tooltip("Fold " + item.fold() + " failed: " + item.error()));
            }
        });
        foldTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                model.curveFoldProperty().set(row.fold());
            }
        });
        model.curveFoldProperty().addListener((obs, old, fold) -> {
            if (fold == null) {
                foldTable.getSelectionModel().clearSelection();
            }
        });
        allFoldsButton.disableProperty().bind(model.curveFoldProperty().isNull());

        NumberAxis epochs = new NumberAxis();
        epochs.setLabel("epoch");
        epochs.setAutoRanging(false);
        epochs.setMinorTickVisible(false);
        NumberAxis loss = new NumberAxis();
        // Short: "loss (cross-entropy)" was cut along the axis of a chart 1280×800 leaves this tall.
        loss.setLabel("cross-entropy");
        loss.setForceZeroInRange(false);
        curvesChart = new MarkedChart(epochs, loss);
        curvesChart.setId("curvesChart");
        curvesChart.getStyleClass().add("curves-chart");
        curvesChart.setCreateSymbols(false);
        curvesChart.setMinSize(0, 0);
        curvesPane.getChildren().add(0, curvesChart);
        model.curvesProperty().addListener((obs, old, curves) -> showCurves(curves));
        showCurves(model.curvesProperty().get());
    }

    private static TableCell<FoldRow, Integer> epochCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item == 0 ? ResultsViewModel.MISSING : item.toString());
            }
        };
    }

    /** Training loss solid, validation loss dashed, one colour a line; the epochs kept as dashed verticals. */
    private void showCurves(LearningCurves curves) {
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        for (LearningCurves.Line line : curves.lines()) {
            List<XYChart.Data<Number, Number>> points = new ArrayList<>();
            for (double[] p : line.points()) {
                points.add(new XYChart.Data<>(p[0], p[1]));
            }
            series.add(new XYChart.Series<>(line.name(), FXCollections.observableArrayList(points)));
        }
        List<MarkedChart.Mark> kept = curves.kept().stream()
                .map(k -> new MarkedChart.Mark(k.epoch(), k.label(), "kept-epoch")).toList();
        int epochs = curves.lines().stream().mapToInt(l -> l.points().length == 0 ? 0
                : (int) l.points()[l.points().length - 1][0]).max().orElse(1);
        NumberAxis epochAxis = (NumberAxis) curvesChart.getXAxis();
        epochAxis.setLowerBound(1);
        epochAxis.setUpperBound(Math.max(2, epochs));
        epochAxis.setTickUnit(Math.max(1, Math.ceil(epochs / 12.0)));
        curvesChart.show(series, List.of(), kept, null, null);
        for (int i = 0; i < series.size(); i++) {
            if (curves.lines().get(i).validation() && series.get(i).getNode() != null) {
                series.get(i).getNode().getStyleClass().add("validation-loss");
            }
        }
        Integer fold = model.curveFoldProperty().get();
        curvesChart.setTitle(curves.lines().isEmpty() ? null : "Loss by epoch, " + (fold == null ? "every fold" : "fold " + fold)
                + (curves.hasValidation() ? " (dashed: validation)" : " (no validation block: training loss only)"));
        curvesChart.setVisible(curves.emptyText() == null);
        curvesEmptyLabel.setText(curves.emptyText());
        curvesEmptyLabel.setVisible(curves.emptyText() != null);
    }
}
