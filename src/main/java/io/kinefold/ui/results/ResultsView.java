package io.kinefold.ui.results;

import io.kinefold.report.ExportFormat;
import io.kinefold.ui.common.AppContext;
import io.kinefold.ui.common.Dialogs;
import io.kinefold.ui.common.FileDialogs;
import io.kinefold.ui.common.Fxml;
import io.kinefold.ui.common.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;
import org.controlsfx.control.TaskProgressView;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Controller of {@code results_view.fxml}: binds the controls to a {@link ResultsViewModel}. */
public final class ResultsView {
    static final KeyCombination EXPORT_CSV = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
    private static final PseudoClass BEST = PseudoClass.getPseudoClass("best");
    private static final PseudoClass BASELINE = PseudoClass.getPseudoClass("baseline");
    private static final PseudoClass WEAK = PseudoClass.getPseudoClass("weak");

    private final ResultsViewModel model;
    private final FileDialogs dialogs;

    @FXML private VBox root;
    @FXML private Label headerLabel;
    @FXML private Button reloadButton;
    @FXML private MenuButton exportButton;
    @FXML private Button saveModelButton;
    @FXML private HBox errorBox;
    @FXML private Label errorLabel;
    @FXML private Hyperlink detailsLink;
    @FXML private Label emptyLabel;
    @FXML private SplitPane content;
    @FXML private Label modelsLabel;
    @FXML private ListView<ModelItem> modelList;
    @FXML private TabPane sectionTabs;
    @FXML private Tab comparisonTab;
    @FXML private Label modelNoteLabel;
    @FXML private TableView<GridPointRow> pointTable;
    @FXML private TableColumn<GridPointRow, Integer> gridColumn;
    @FXML private TableColumn<GridPointRow, Double> accuracyColumn;
    @FXML private TableColumn<GridPointRow, Double> macroF1Column;
    @FXML private TableColumn<GridPointRow, Double> meanTimeColumn;
    @FXML private TableColumn<GridPointRow, Double> totalTimeColumn;
    @FXML private TableColumn<GridPointRow, Integer> foldsColumn;
    @FXML private TableColumn<GridPointRow, Integer> failedColumn;
    @FXML private Label significanceLabel;
    @FXML private Label confusionTitle;
    @FXML private GridPane confusionGrid;
    @FXML private Label confusionNote;
    @FXML private TableView<ComparisonData.TimingRow> totalsTable;
    @FXML private TableColumn<ComparisonData.TimingRow, String> measureColumn;
    @FXML private TableColumn<ComparisonData.TimingRow, String> singleColumn;
    @FXML private TableColumn<ComparisonData.TimingRow, String> poolColumn;
    @FXML private VBox summaryBox;
    @FXML private TableView<ComparisonData.PointTimingRow> perPointTable;
    @FXML private TableColumn<ComparisonData.PointTimingRow, String> pointModelColumn;
    @FXML private TableColumn<ComparisonData.PointTimingRow, String> pointGridColumn;
    @FXML private TableColumn<ComparisonData.PointTimingRow, String> pointParamsColumn;
    @FXML private TableColumn<ComparisonData.PointTimingRow, Double> pointSingleColumn;
    @FXML private TableColumn<ComparisonData.PointTimingRow, Double> pointPoolColumn;
    @FXML private TableColumn<ComparisonData.PointTimingRow, Double> pointRatioColumn;
    @FXML private LineChart<Number, Number> cpuChart;
    @FXML private LineChart<Number, Number> memoryChart;
    @FXML private Label statusLabel;
    @FXML private TabPane detailTabs;
    @FXML private Label pointTitleLabel;
    @FXML private Button allFoldsButton;
    @FXML private TableView<FoldRow> foldTable;
    @FXML private TableColumn<FoldRow, Integer> foldColumn;
    @FXML private TableColumn<FoldRow, Double> foldAccuracyColumn;
    @FXML private TableColumn<FoldRow, Double> foldMacroF1Column;
    @FXML private TableColumn<FoldRow, Double> foldTimeColumn;
    @FXML private TableColumn<FoldRow, Integer> foldEpochsColumn;
    @FXML private TableColumn<FoldRow, Integer> foldKeptColumn;
    @FXML private TableColumn<FoldRow, String> foldStatusColumn;
    @FXML private StackPane curvesPane;
    @FXML private Label curvesEmptyLabel;
    @FXML private Label slicesNoteLabel;
    @FXML private Label colourByLabel;
    @FXML private ComboBox<ParamColumn> colourByBox;
    @FXML private GridPane sliceGrid;
    @FXML private TaskProgressView<Task<Void>> taskView;
    private MarkedChart curvesChart;

    public ResultsView(ResultsViewModel model, FileDialogs dialogs) {
        this.model = model;
        this.dialogs = dialogs;
    }

    /** The view for the app: updates on the FX thread, reads the store on the context's executor. */
    public static Parent create(AppContext context) {
        return create(ResultsViewModel.forApp(context), context.fileDialogs());
    }

    public static Parent create(ResultsViewModel model, FileDialogs dialogs) {
        return Fxml.load(ResultsView.class, "results_view.fxml", () -> new ResultsView(model, dialogs));
    }

    @FXML
    private void initialize() {
        var shown = model.runIdProperty().isNotNull();
        headerLabel.textProperty().bind(model.headerProperty());
        headerLabel.visibleProperty().bind(shown);
        content.visibleProperty().bind(shown);
        emptyLabel.visibleProperty().bind(shown.not());
        emptyLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            String error = model.errorProperty().get();
            if (error != null && !error.isEmpty()) {
                return error;
            }
            return model.loadingProperty().get() ? model.statusProperty().get() : ResultsViewModel.EMPTY_TEXT;
        }, model.errorProperty(), model.loadingProperty(), model.statusProperty()));
        errorLabel.textProperty().bind(model.errorProperty());
        errorBox.visibleProperty().bind(model.errorProperty().isNotEmpty());
        errorBox.managedProperty().bind(errorBox.visibleProperty());
        detailsLink.visibleProperty().bind(model.errorDetailsProperty().isNotEmpty());
        statusLabel.textProperty().bind(model.statusProperty());
        reloadButton.disableProperty().bind(model.loadingProperty().or(shown.not()));
        exportButton.disableProperty().bind(model.loadingProperty().or(shown.not()));
        saveModelButton.disableProperty().bind(model.loadingProperty().or(shown.not())
                .or(Bindings.createBooleanBinding(() -> model.selectedModelProperty().get() == null
                        || !model.selectedModelProperty().get().hasBest(), model.selectedModelProperty())));

        modelsLabel.setLabelFor(modelList);
        modelList.setItems(model.models());
        modelList.setPlaceholder(new Label("No models"));
        modelList.setCellFactory(list -> new ModelCell());
        modelList.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null) {
                model.selectedModelProperty().set(item);
            }
        });
        model.selectedModelProperty().addListener((obs, old, item) -> select(modelList, item));

        initPointTable();
        model.confusionProperty().addListener((obs, old, matrix) -> showConfusion(matrix));
        showConfusion(model.confusionProperty().get());
        modelNoteLabel.textProperty().bind(model.modelNoteProperty());
        significanceLabel.textProperty().bind(model.significanceProperty());

        initComparison();
        initExportMenu();
        initFolds();
        initSlices();
        initTasks();
    }

    /** The model on one line, its best accuracy against its best baseline below, in red when it does not beat it. */
    private static final class ModelCell extends javafx.scene.control.ListCell<ModelItem> {
        private final Label name = new Label();
        private final Label detail = new Label();
        private final VBox box = new VBox(2, name, detail);

        ModelCell() {
            name.getStyleClass().add("model-name");
            detail.getStyleClass().add("model-detail");
        }

        @Override
        protected void updateItem(ModelItem item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            name.setText(item.model().toString());
            detail.setText(item.detail());
            detail.pseudoClassStateChanged(WEAK, item.weak());
            setAccessibleText(item.label());
            setGraphic(box);
        }
    }

    private static <T> void select(ListView<T> list, T item) {
        if (list.getSelectionModel().getSelectedItem() != item) {
            if (item == null) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(item);
            }
        }
    }

    private void initPointTable() {
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
            column.setMinWidth(70);
            columns.add(column);
        }
        columns.addAll(List.of(accuracyColumn, macroF1Column, meanTimeColumn, totalTimeColumn, foldsColumn,
                failedColumn));
        pointTable.getColumns().setAll(columns);
    }

    /**
     * {@code Units per\nlayer}, {@code Pool\nrun 4}: headers on two lines, like the fixed ones,
     * leave the width to the values. Breaks after a comma if there is one, else at the middle space.
     */
    static String twoLines(String label) {
        if (label.length() <= 10) {
            return label;
        }
        int comma = label.indexOf(", ");
        if (comma > 0) {
            return label.substring(0, comma) + "\n" + label.substring(comma + 2);
        }
        int middle = label.length() / 2;
        int best = -1;
        for (int i = 0; i < label.length(); i++) {
            if (label.charAt(i) == ' ' && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) {
                best = i;
            }
        }
        return best < 0 ? label : label.substring(0, best) + "\n" + label.substring(best + 1);
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

    private static <R> TableCell<R, Double> numberCell(int decimals) {
        return new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : ResultsViewModel.fixed(item, decimals));
            }
        };
    }

    /** Rows are actual classes, columns predicted ones; each cell shades with its share of the row. */
    private void showConfusion(ConfusionMatrix matrix) {
        confusionGrid.getChildren().clear();
        if (matrix == null) {
            confusionTitle.setText("Confusion matrix");
            confusionNote.setText("Select a grid point to see its confusion matrix.");
            return;
        }
        confusionTitle.setText("Confusion matrix of " + matrix.title());
        Label corner = cell("actual ↓   predicted →", "confusion-corner");
        confusionGrid.add(corner, 0, 0);
        for (int j = 0; j < matrix.size(); j++) {
            confusionGrid.add(cell(matrix.className(j), "confusion-header"), j + 1, 0);
        }
        confusionGrid.add(cell("Samples", "confusion-header"), matrix.size() + 1, 0);
        for (int i = 0; i < matrix.size(); i++) {
            Label rowHeader = cell(matrix.className(i), "confusion-header");
            rowHeader.setAlignment(Pos.CENTER_LEFT);
            confusionGrid.add(rowHeader, 0, i + 1);
            for (int j = 0; j < matrix.size(); j++) {
                double share = matrix.rowShare(i, j);
                String percent = matrix.percentText(i, j);
                Label c = cell(matrix.count(i, j) + "\n" + percent, i == j ? "confusion-diagonal" : "confusion-off");
                c.getStyleClass().add("confusion-cell");
                if (Double.isFinite(share) && share > 0) {
                    // A heat map: the stronger the share of the row, the stronger the tint.
                    String rgb = i == j ? "22, 163, 74" : "220, 38, 38";
                    c.setStyle(String.format(Locale.ROOT, "-fx-background-color: rgba(%s, %.2f);", rgb,
                            0.08 + 0.5 * share));
                }
                c.setTooltip(new Tooltip(matrix.count(i, j) + " samples of " + matrix.className(i) + " predicted as "
                        + matrix.className(j) + " (" + percent + " of " + matrix.className(i) + ")"));
                confusionGrid.add(c, j + 1, i + 1);
            }
            confusionGrid.add(cell(Integer.toString(matrix.rowTotal(i)), "confusion-total"), matrix.size() + 1, i + 1);
        }
        for (var node : confusionGrid.getChildren()) {
            GridPane.setHalignment(node, HPos.CENTER);
        }
        confusionNote.setText(matrix.total() + " test samples, summed over the folds; percentages are of each actual "
                + "class (row), the diagonal (green) is what was predicted right.");
    }

    private static Label cell(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        label.setAlignment(Pos.CENTER);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMaxHeight(Double.MAX_VALUE);
        return label;
    }

    private void initComparison() {
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

    private void initFolds() {
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
        loss.setLabel("loss (cross-entropy)");
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

    @FXML
    private void showAllFolds() {
        model.curveFoldProperty().set(null);
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

    private void initSlices() {
        slicesNoteLabel.textProperty().bind(model.slicesNoteProperty());
        colourByLabel.setLabelFor(colourByBox);
        ObservableList<ParamColumn> choices = FXCollections.observableArrayList();
        colourByBox.setItems(choices);
        colourByBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(ParamColumn p) {
                return p == null ? OTHER_PARAMETERS : p.label();
            }

            @Override
            public ParamColumn fromString(String text) {
                return null;
            }
        });
        // The first choice, null, colours by every other varying hyperparameter together.
        model.colourChoices().addListener((ListChangeListener<ParamColumn>) c -> {
            List<ParamColumn> all = new ArrayList<>();
            all.add(null);
            all.addAll(model.colourChoices());
            choices.setAll(model.colourChoices().isEmpty() ? List.of() : all);
        });
        colourByBox.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ParamColumn item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty && choices.isEmpty() ? null : item == null ? OTHER_PARAMETERS : item.label());
            }
        });
        colourByBox.visibleProperty().bind(Bindings.isNotEmpty(choices));
        colourByBox.managedProperty().bind(colourByBox.visibleProperty());
        colourByLabel.visibleProperty().bind(colourByBox.visibleProperty());
        colourByLabel.managedProperty().bind(colourByBox.visibleProperty());
        colourByBox.valueProperty().addListener((obs, old, p) -> model.colourByProperty().set(p));
        model.colourByProperty().addListener((obs, old, p) -> {
            if (colourByBox.getValue() != p) {
                colourByBox.setValue(p);
            }
        });
        model.slices().addListener((ListChangeListener<SliceChart>) c -> showSlices());
        showSlices();
    }

    private static final String OTHER_PARAMETERS = "the other parameters";

    /** One chart a hyperparameter, two abreast: at 1280 × 800 each keeps room for its legend. */
    private void showSlices() {
        sliceGrid.getChildren().clear();
        sliceGrid.getColumnConstraints().clear();
        int columns = model.slices().size() == 1 ? 1 : 2;
        for (int i = 0; i < columns; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / columns);
            sliceGrid.getColumnConstraints().add(c);
        }
        int i = 0;
        for (SliceChart slice : model.slices()) {
            sliceGrid.add(sliceChart(slice), i % columns, i / columns);
            i++;
        }
    }

    private static MarkedChart sliceChart(SliceChart slice) {
        // Ticks every half: a NumberAxis counts its ticks from the lower bound, so the values (whole
        // numbers) get the labelled ones and the halves between them unlabelled ones.
        NumberAxis x = new NumberAxis(-0.5, slice.values().size() - 0.5, 0.5);
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        x.setLabel(slice.param().label());
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                double v = n.doubleValue();
                int i = (int) Math.rint(v);
                return Math.abs(v - i) < 1e-9 && i >= 0 && i < slice.values().size() ? slice.values().get(i) : "";
            }

            @Override
            public Number fromString(String s) {
                return slice.values().indexOf(s);
            }
        });
        double[] range = slice.accuracyRange();
        NumberAxis y = new NumberAxis(range[0], range[1], range[2]);
        y.setAutoRanging(false);
        y.setLabel("accuracy, mean ± sd");
        MarkedChart chart = new MarkedChart(x, y);
        chart.getStyleClass().add("slice-chart");
        chart.setTitle(slice.title());
        chart.setPrefHeight(320);
        chart.setMinHeight(260);
        chart.setMinWidth(0);
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        XYChart.Data<Number, Number> best = null;
        for (SliceChart.Group g : slice.groups()) {
            List<XYChart.Data<Number, Number>> points = new ArrayList<>();
            for (SliceChart.Point p : g.points()) {
                XYChart.Data<Number, Number> d = new XYChart.Data<>(p.x(), p.mean(), p.sd());
                points.add(d);
                if (p.equals(slice.best())) {
                    best = d;
                }
            }
            series.add(new XYChart.Series<>(g.name(), FXCollections.observableArrayList(points)));
        }
        List<MarkedChart.Mark> baselines = slice.baselines().stream()
                .map(b -> new MarkedChart.Mark(b.accuracy(), b.label(), "baseline-line")).toList();
        chart.show(series, baselines, List.of(), best,
                slice.best() == null ? null : "best " + slice.best().label() + " " + ResultsViewModel.fixed(slice.best().mean(), 3));
        return chart;
    }

    /**
     * Exports and refits in ControlsFX's task list, each with a cancel button. The view model runs
     * the work on the app's executor and stays free of {@link Task} (which needs a running toolkit);
     * here each job gets a Task that is never run, only shown: the list drops a task when it is
     * cancelled, which is how a job that ended leaves it, and its cancel button asks the job to stop.
     */
    private void initTasks() {
        taskView.visibleProperty().bind(Bindings.isNotEmpty(taskView.getTasks()));
        taskView.managedProperty().bind(taskView.visibleProperty());
        java.util.Map<BackgroundJob, JobTask> shown = new java.util.HashMap<>();
        model.jobs().addListener((ListChangeListener<BackgroundJob>) c -> {
            while (c.next()) {
                for (BackgroundJob job : c.getRemoved()) {
                    JobTask task = shown.remove(job);
                    if (task != null) {
                        task.cancel();
                    }
                }
                for (BackgroundJob job : c.getAddedSubList()) {
                    JobTask task = new JobTask(job);
                    shown.put(job, task);
                    taskView.getTasks().add(task);
                }
            }
        });
    }

    /** A background job as the task list shows it: its title, its message, and cancel passed on. */
    private static final class JobTask extends Task<Void> {
        JobTask(BackgroundJob job) {
            updateTitle(job.title());
            updateMessage(job.messageProperty().get());
            job.messageProperty().addListener((obs, old, text) -> updateMessage(text));
            setOnCancelled(e -> job.cancel());
        }

        @Override
        protected Void call() {
            throw new UnsupportedOperationException("shown only: the view model runs the job");
        }
    }

    private void initExportMenu() {
        for (ExportFormat format : ExportFormat.values()) {
            MenuItem item = new MenuItem(format.label() + "…");
            item.setId("export-" + format.extension());
            if (format == ExportFormat.CSV) {
                item.setAccelerator(EXPORT_CSV);
            }
            // The shortcut is the scene's: it acts only while the Results tab is in front.
            item.setOnAction(e -> {
                if (Dialogs.isShowing(root)) {
                    export(format);
                }
            });
            exportButton.getItems().add(item);
        }
        MenuItem charts = new MenuItem("Charts as PNG…");
        charts.setId("export-charts");
        charts.setOnAction(e -> exportCharts());
        exportButton.getItems().addAll(new SeparatorMenuItem(), charts);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void export(ExportFormat format) {
        if (model.runIdProperty().get() == null || model.loadingProperty().get()) {
            return;
        }
        dialogs.show(window(), FileDialogs.Request.saveFile("Export the run as " + format.label(), null,
                model.suggestedName(format), format.label(), format.extension().toLowerCase(Locale.ROOT)))
                .ifPresent(file -> model.export(format, file));
    }

    private void exportCharts() {
        if (model.runIdProperty().get() == null || model.loadingProperty().get()) {
            return;
        }
        dialogs.show(window(), FileDialogs.Request.folder("Folder for the charts (PNG)", null))
                .ifPresent(model::exportCharts);
    }

    @FXML
    private void saveBestModel() {
        ModelItem item = model.selectedModelProperty().get();
        if (model.runIdProperty().get() == null || model.loadingProperty().get() || item == null) {
            return;
        }
        dialogs.show(window(), FileDialogs.Request.saveFile("Save the best " + item.model() + " model", null,
                model.suggestedModelName(), "Kinefold model", "zip"))
                .ifPresent(model::saveBestModel);
    }

    @FXML
    private void reload() {
        if (!model.loadingProperty().get()) {
            model.reload();
        }
    }

    @FXML
    private void showDetails() {
        Dialogs.showDetails(root, model.errorProperty().get(), model.errorDetailsProperty().get());
    }
}
