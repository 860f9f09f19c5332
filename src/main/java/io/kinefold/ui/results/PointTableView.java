package io.kinefold.ui.results;

import static io.kinefold.ui.results.ResultsView.twoLines;

import io.kinefold.ui.common.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/** The grid-point table of {@link ResultsView}: its columns, one a varying hyperparameter, and its cells. */
final class PointTableView {
    private static final PseudoClass BEST = PseudoClass.getPseudoClass("best");
    private static final PseudoClass BASELINE = PseudoClass.getPseudoClass("baseline");

    private final ResultsViewModel model;
    private final TableView<GridPointRow> pointTable;
    private final TableColumn<GridPointRow, Integer> gridColumn;
    private final TableColumn<GridPointRow, Double> accuracyColumn;
    private final TableColumn<GridPointRow, Double> macroF1Column;
    private final TableColumn<GridPointRow, Double> meanTimeColumn;
    private final TableColumn<GridPointRow, Double> totalTimeColumn;
    private final TableColumn<GridPointRow, Integer> foldsColumn;
    private final TableColumn<GridPointRow, Integer> failedColumn;

    PointTableView(ResultsViewModel model, TableView<GridPointRow> pointTable,
            TableColumn<GridPointRow, Integer> gridColumn, TableColumn<GridPointRow, Double> accuracyColumn,
            TableColumn<GridPointRow, Double> macroF1Column, TableColumn<GridPointRow, Double> meanTimeColumn,
            TableColumn<GridPointRow, Double> totalTimeColumn, TableColumn<GridPointRow, Integer> foldsColumn,
            TableColumn<GridPointRow, Integer> failedColumn) {
        this.model = model;
        this.pointTable = pointTable;
        this.gridColumn = gridColumn;
        this.accuracyColumn = accuracyColumn;
        this.macroF1Column = macroF1Column;
        this.meanTimeColumn = meanTimeColumn;
        this.totalTimeColumn = totalTimeColumn;
        this.foldsColumn = foldsColumn;
        this.failedColumn = failedColumn;
    }

    void init() {
        Tables.column(gridColumn, GridPointRow::gridPoint);
        gridColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                GridPointRow row = empty ? null : getTableRow().getItem();
                setText(row == null ? null : row.label() + (row.best() ? "  ★ best" : row.baseline() ? "  (baseline)" : ""));
            }
        });
        Tables.column(accuracyColumn, r -> r.accuracy().mean());
        accuracyColumn.setCellFactory(c -> meanSdCell(GridPointRow::accuracy));
        Tables.column(macroF1Column, r -> r.macroF1().mean());
        macroF1Column.setCellFactory(c -> meanSdCell(GridPointRow::macroF1));
        Tables.column(meanTimeColumn, GridPointRow::meanTrainSeconds);
        meanTimeColumn.setCellFactory(c -> numberCell(2));
        Tables.column(totalTimeColumn, GridPointRow::totalTrainSeconds);
        totalTimeColumn.setCellFactory(c -> numberCell(1));
        Tables.column(foldsColumn, GridPointRow::folds);
        Tables.column(failedColumn, GridPointRow::failedFolds);
        Tables.numbers(accuracyColumn, macroF1Column, meanTimeColumn, totalTimeColumn, foldsColumn, failedColumn);

        Tables.sortable(pointTable, model.rows());
        pointTable.setPlaceholder(new Label("No grid points: choose a model on the left"));
        pointTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(GridPointRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(BEST, !empty && item != null && item.best());
                pseudoClassStateChanged(BASELINE, !empty && item != null && item.baseline());
            }
        });
        pointTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                model.selectedPointProperty().set(row);
            }
        });
        model.selectedPointProperty().addListener((obs, old, row) -> {
            if (Tables.select(pointTable, row) && row != null) {
                pointTable.scrollTo(row);
            }
        });
        model.paramColumns().addListener((ListChangeListener<ParamColumn>) c -> rebuildParamColumns());
        rebuildParamColumns();
    }

    /** One column per hyperparameter of the selected model, between the grid point and the scores. */
    private void rebuildParamColumns() {
        List<TableColumn<GridPointRow, ?>> columns = new ArrayList<>();
        columns.add(gridColumn);
        for (ParamColumn p : model.paramColumns()) {
            TableColumn<GridPointRow, Double> column = new TableColumn<>(twoLines(p.label()));
            Tables.column(column, r -> r.param(p.name()));
            column.setCellFactory(c -> new TableCell<>() {
                @Override
                protected void updateItem(Double item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null ? null : p.text(item));
                }
            });
            Tables.numbers(column);
            column.setPrefWidth(110);
            column.setMinWidth(Math.max(70, headerWidth(column.getText())));
            columns.add(column);
        }
        columns.addAll(List.of(accuracyColumn, macroF1Column, meanTimeColumn, totalTimeColumn, foldsColumn,
                failedColumn));
        pointTable.getColumns().setAll(columns);
    }

    /**
     * The width a header needs for its longest line, in the headers' bold 13 px (see
     * {@code kinefold.css}): at 1280 pixels the columns shrink to their minimum, and a fixed 70 cut
     * "LSTM units" and "Velocities" to "LSTM ..." and "Veloci...".
     */
    static double headerWidth(String header) {
        Text line = new Text();
        line.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 13));
        double widest = 0;
        for (String part : header.split("\n")) {
            line.setText(part);
            widest = Math.max(widest, line.getLayoutBounds().getWidth());
        }
        return Math.ceil(widest) + 16;
    }

    private static TableCell<GridPointRow, Double> meanSdCell(Function<GridPointRow, io.kinefold.experiment.Stat> stat) {
        return new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                GridPointRow row = empty ? null : getTableRow().getItem();
                if (row == null) {
                    setText(null);
                    return;
                }
                var s = stat.apply(row);
                setText(!Double.isFinite(s.mean()) ? ResultsViewModel.MISSING
                        : ResultsViewModel.fixed(s.mean(), 3) + " ± " + ResultsViewModel.fixed(s.sd(), 3));
            }
        };
    }

    static <R> TableCell<R, Double> numberCell(int decimals) {
        return new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : ResultsViewModel.fixed(item, decimals));
            }
        };
    }
}
