package io.kinefold.ui.results;

import io.kinefold.ui.common.AppContext;
import io.kinefold.ui.common.Dialogs;
import io.kinefold.ui.common.FileDialogs;
import io.kinefold.ui.common.Fxml;
import io.kinefold.ui.common.WholeRunChart;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Task;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.TaskProgressView;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Controller of {@code results_view.fxml}: binds the controls to a {@link ResultsViewModel}. */
public final class ResultsView {
    static final KeyCombination EXPORT_CSV = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
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
    @FXML private WholeRunChart wholeRunChart;
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
    private ResultsExports exports;

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
        wholeRunChart.setData(model.wholeRunProperty().get());
        model.wholeRunProperty().addListener((obs, old, data) -> {
            wholeRunChart.setData(data);
            wholeRunChart.fit();
        });
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

        new PointTableView(model, pointTable, gridColumn, accuracyColumn, macroF1Column, meanTimeColumn,
                totalTimeColumn, foldsColumn, failedColumn).init();
        ConfusionView confusion = new ConfusionView(confusionTitle, confusionGrid, confusionNote);
        model.confusionProperty().addListener((obs, old, matrix) -> confusion.showConfusion(matrix));
        confusion.showConfusion(model.confusionProperty().get());
        modelNoteLabel.textProperty().bind(model.modelNoteProperty());
        significanceLabel.textProperty().bind(model.significanceProperty());

        new ComparisonTab(model, sectionTabs, comparisonTab, totalsTable, measureColumn, singleColumn, poolColumn,
                summaryBox, perPointTable, pointModelColumn, pointGridColumn, pointParamsColumn, pointSingleColumn,
                pointPoolColumn, pointRatioColumn, cpuChart, memoryChart).init();
        exports = new ResultsExports(model, dialogs, root, exportButton, taskView);
        exports.initExportMenu();
        new FoldsTab(model, pointTitleLabel, allFoldsButton, foldTable, foldColumn, foldAccuracyColumn,
                foldMacroF1Column, foldTimeColumn, foldEpochsColumn, foldKeptColumn, foldStatusColumn, curvesPane,
                curvesEmptyLabel).init();
        new SliceChartsTab(model, slicesNoteLabel, colourByLabel, colourByBox, sliceGrid).init();
        exports.initTasks();
    }

    /** The model on one line, its best accuracy against its best baseline below, in red when it does not beat it. */
    private static final class ModelCell extends javafx.scene.control.ListCell<ModelItem> {
        private final Label name = new Label();
        private final Label detail = new Label();
        private final VBox box = new VBox(2, name, detail);

        ModelCell() {
            name.getStyleClass().add("model-name");
            detail.getStyleClass().add("model-detail");
            // As wide as the list, the verdict wrapped: "best 0.615 — not better than nearest neighbour
            // 0.625" was cut at 1280 pixels, with a scroll bar under the list.
            detail.setWrapText(true);
            setPrefWidth(0);
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
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

    @FXML
    private void showAllFolds() {
        model.curveFoldProperty().set(null);
    }

    @FXML
    private void saveBestModel() {
        exports.saveBestModel();
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
