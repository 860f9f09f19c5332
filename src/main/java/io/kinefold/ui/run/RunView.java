package io.kinefold.ui.run;

import io.kinefold.ui.common.AppContext;
import io.kinefold.ui.common.Dialogs;
import io.kinefold.ui.common.Fxml;
import java.util.List;
import io.kinefold.ui.common.SeriesLegend;
import io.kinefold.ui.common.WholeRunChart;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Controller of {@code run_view.fxml}: binds the controls to a {@link RunViewModel}. */
public final class RunView {
    private static final KeyCombination RUN = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination CLUSTER =
            new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    private static final KeyCombination COMPARE =
            new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private final RunViewModel model;
    private final EventHandler<KeyEvent> escapeCancels = this::escapeCancels;

    @FXML private VBox root;
    @FXML private Label specLabel;
    @FXML private ComboBox<String> workersBox;
    @FXML private TextField trialTimeoutField;
    @FXML private Button poolButton;
    @FXML private Button singleButton;
    @FXML private Button compareButton;
    @FXML private Button resultsButton;
    @FXML private VBox workersBoxPane;
    @FXML private Button cancelButton;
    @FXML private Label reasonLabel;
    @FXML private Label workersErrorLabel;
    @FXML private Label warningsLabel;
    @FXML private Label workerCpuNote;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Label statusLabel;
    @FXML private HBox errorBox;
    @FXML private Label errorLabel;
    @FXML private Hyperlink detailsLink;
    @FXML private LineChart<Number, Number> cpuChart;
    @FXML private LineChart<Number, Number> memoryChart;
    @FXML private LineChart<Number, Number> workerCpuChart;
    @FXML private LineChart<Number, Number> workerRssChart;
    @FXML private VBox cpuChartBox;
    @FXML private VBox memoryChartBox;
    @FXML private VBox workerCpuChartBox;
    @FXML private VBox workerRssChartBox;
    @FXML private Tab wholeRunTab;
    @FXML private WholeRunChart wholeRunChart;
    @FXML private Tab nodesTab;
    @FXML private TextField clusterField;
    @FXML private Label workersLabel;
    @FXML private Label trialTimeoutLabel;
    @FXML private Label clusterLabel;
    @FXML private Button clusterButton;
    @FXML private TableView<WorkerRow> workerTable;
    @FXML private TableColumn<WorkerRow, String> nameColumn;
    @FXML private TableColumn<WorkerRow, Long> pidColumn;
    @FXML private TableColumn<WorkerRow, String> stateColumn;
    @FXML private TableColumn<WorkerRow, String> trialColumn;
    @FXML private TableColumn<WorkerRow, Integer> doneColumn;
    @FXML private TableColumn<WorkerRow, Double> cpuColumn;
    @FXML private TableColumn<WorkerRow, Double> rssColumn;
    @FXML private ListView<String> messageList;

    public RunView(RunViewModel model) {
        this.model = model;
    }

    /** The view for the app: updates on the FX thread, runs on the context's executor. */
    public static Parent create(AppContext context) {
        return create(RunViewModel.forApp(context));
    }

    public static Parent create(RunViewModel model) {
        return Fxml.load(RunView.class, "run_view.fxml", () -> new RunView(model));
    }

    @FXML
    private void initialize() {
        specLabel.textProperty().bind(model.specTextProperty());
        workersLabel.setLabelFor(workersBox);
        trialTimeoutLabel.setLabelFor(trialTimeoutField);
        clusterLabel.setLabelFor(clusterField);

        workersBox.getItems().add("auto");
        for (int n = 1; n <= 16; n++) {
            workersBox.getItems().add(Integer.toString(n));
        }
        workersBox.setValue(model.workersProperty().get());
        // The editor's text, not the value: the value only changes once the user presses Enter.
        workersBox.getEditor().textProperty().bindBidirectional(model.workersProperty());
        workersBox.disableProperty().bind(model.runningProperty());
        trialTimeoutField.textProperty().bindBidirectional(model.trialTimeoutProperty());
        trialTimeoutField.disableProperty().bind(model.runningProperty());
        workersErrorLabel.textProperty().bind(model.workersErrorProperty());
        workersErrorLabel.visibleProperty().bind(model.workersErrorProperty().isNotEmpty());
        workersErrorLabel.managedProperty().bind(workersErrorLabel.visibleProperty());

        BooleanBinding blocked = model.runBlockedProperty().isNotEmpty();
        poolButton.disableProperty().bind(model.runningProperty().or(blocked).or(model.workersErrorProperty().isNotEmpty()));
        singleButton.disableProperty().bind(model.runningProperty().or(blocked));
        compareButton.disableProperty().bind(poolButton.disableProperty());
        clusterButton.disableProperty().bind(model.runningProperty().or(blocked).or(model.workersErrorProperty().isNotEmpty())
                .or(model.clusterAddressProperty().isEmpty()));
        clusterField.textProperty().bindBidirectional(model.clusterAddressProperty());
        clusterField.disableProperty().bind(model.runningProperty());
        nodesTab.setContent(new NodesPane(model));
        for (Button run : List.of(poolButton, singleButton, compareButton, clusterButton)) {
            String usual = run.getTooltip().getText();
            run.getTooltip().textProperty().bind(Bindings.when(blocked).then(model.runBlockedProperty()).otherwise(usual));
        }
        warningsLabel.textProperty().bind(Bindings.createStringBinding(
                () -> model.warnings().stream().map(w -> "⚠ " + w).collect(Collectors.joining("\n")), model.warnings()));
        warningsLabel.visibleProperty().bind(Bindings.isNotEmpty(model.warnings()));
        warningsLabel.managedProperty().bind(warningsLabel.visibleProperty());
        workerCpuNote.setText(RunViewModel.WORKER_CPU_NOTE);
        // Two lines at 1280 pixels, yet a wrapping label gives one line as its minimum when asked
        // without a width: the pane under the charts came out a line short and cut the timeline's axis.
        workerCpuNote.minHeightProperty().bind(Bindings.createDoubleBinding(
                () -> workerCpuNote.prefHeight(workersBoxPane.getWidth()), workersBoxPane.widthProperty()));
        resultsButton.visibleProperty().bind(model.finishedRunProperty().isNotNull().and(model.runningProperty().not()));
        resultsButton.managedProperty().bind(resultsButton.visibleProperty());
        cancelButton.disableProperty().bind(model.runningProperty().not());
        reasonLabel.textProperty().bind(model.reasonProperty());

        progressBar.progressProperty().bind(model.progressProperty());
        progressLabel.textProperty().bind(model.progressTextProperty());
        statusLabel.textProperty().bind(model.statusProperty());
        errorLabel.textProperty().bind(model.errorProperty());
        errorBox.visibleProperty().bind(model.errorProperty().isNotEmpty());
        errorBox.managedProperty().bind(errorBox.visibleProperty());
        detailsLink.visibleProperty().bind(model.errorDetailsProperty().isNotEmpty());

        cpuChart.setData(model.cpuSeries());
        memoryChart.setData(model.memorySeries());
        workerCpuChart.setData(model.workerCpuSeries());
        workerRssChart.setData(model.workerRssSeries());
        // Every sample lays the charts out again: a chart whose layout request was lost (made while
        // the scene was laying out) would otherwise wait for the next resize to draw its points.
        model.elapsedProperty().addListener((obs, old, t) ->
                List.of(cpuChart, memoryChart, workerCpuChart, workerRssChart).forEach(LineChart::requestLayout));
        liveCharts();

        column(nameColumn, WorkerRow::name);
        column(pidColumn, WorkerRow::pid);
        column(stateColumn, WorkerRow::state);
        column(trialColumn, WorkerRow::currentTrial);
        column(doneColumn, WorkerRow::trialsDone);
        column(cpuColumn, WorkerRow::cpuPercent);
        column(rssColumn, WorkerRow::rssMb);
        cpuColumn.setCellFactory(c -> numberCell("%.0f"));
        rssColumn.setCellFactory(c -> numberCell("%.0f"));
        workerTable.setItems(model.workerRows());
        workerTable.setPlaceholder(new Label("No workers yet"));
        TimelineChart timeline = new TimelineChart(model.timeline(), model.elapsedProperty());
        VBox.setVgrow(timeline, javafx.scene.layout.Priority.NEVER);
        workersBoxPane.getChildren().add(timeline);
        messageList.setItems(model.messages());
        // Long messages (the comparison's verdict) wrap instead of hiding behind a scroll bar.
        messageList.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(list.widthProperty().subtract(24));
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        messageList.setPlaceholder(new Label("Messages of the run appear here"));
        model.messages().addListener((javafx.collections.ListChangeListener<String>) c -> showNewestMessage());

        root.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.getAccelerators().keySet().removeAll(List.of(RUN, COMPARE, CLUSTER));
                old.removeEventFilter(KeyEvent.KEY_PRESSED, escapeCancels);
            }
            if (scene != null) {
                scene.getAccelerators().put(RUN, () -> fire(poolButton));
                scene.getAccelerators().put(COMPARE, () -> fire(compareButton));
                scene.getAccelerators().put(CLUSTER, () -> fire(clusterButton));
                // A filter, not an accelerator: the workers box's editor consumes Esc before accelerators see it.
                scene.addEventFilter(KeyEvent.KEY_PRESSED, escapeCancels);
            }
        });
    }

    /**
     * Follows the newest message, all of it: {@code ListView.scrollTo} sizes the newest cell as one
     * line, so a verdict that wraps kept its last line below the list's edge until scrolled. Laid
     * out first, the flow knows the cell's height and shows it whole.
     */
    private void showNewestMessage() {
        int newest = model.messages().size() - 1;
        if (newest < 0) {
            return;
        }
        messageList.scrollTo(newest);
        if (messageList.getSkin() != null && messageList.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            messageList.layout();
            flow.scrollTo(newest);
        }
    }

    private void escapeCancels(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE && model.runningProperty().get()) {
            model.cancel();
            e.consume();
        }
    }

    /**
     * The four live charts on one time axis, the run's last two minutes, which a new run puts back
     * at 0–120 s (an auto-ranging axis kept the last run's range on an empty chart), each with a
     * compact legend under it that a small window does not hide; the whole run in its tab, live
     * while it goes and from the store once it has finished.
     */
    private void liveCharts() {
        cpuChartBox.getChildren().add(new SeriesLegend(cpuChart));
        memoryChartBox.getChildren().add(new SeriesLegend(memoryChart));
        workerCpuChartBox.getChildren().add(new SeriesLegend(workerCpuChart));
        workerRssChartBox.getChildren().add(new SeriesLegend(workerRssChart));
        for (LineChart<Number, Number> chart : java.util.List.of(cpuChart, memoryChart, workerCpuChart, workerRssChart)) {
            NumberAxis time = (NumberAxis) chart.getXAxis();
            time.setAutoRanging(false);
            time.setTickUnit(20);
            time.lowerBoundProperty().bind(model.windowStartProperty());
            time.upperBoundProperty().bind(model.windowEndProperty());
        }
        model.cpuSeries().addListener((javafx.collections.ListChangeListener<Object>) c -> {
            if (c.getList().isEmpty()) {
                // A reset: the value axes start again from what the new run measures.
                for (LineChart<Number, Number> chart : java.util.List.of(memoryChart, workerCpuChart, workerRssChart)) {
                    NumberAxis values = (NumberAxis) chart.getYAxis();
                    values.setLowerBound(0);
                    values.setUpperBound(100);
                }
            }
        });
        model.elapsedProperty().addListener((obs, old, t) -> {
            if (wholeRunTab.isSelected() && model.runningProperty().get()) {
                wholeRunChart.setData(model.wholeRun());
            }
        });
        wholeRunTab.selectedProperty().addListener((obs, old, selected) -> {
            if (selected) {
                wholeRunChart.setData(model.wholeRun());
                if (!model.runningProperty().get()) {
                    model.loadStoredWholeRun(this::showStoredWholeRun);
                }
            }
        });
        model.runningProperty().addListener((obs, was, running) -> {
            if (!running) {
                wholeRunChart.setData(model.wholeRun());
                model.loadStoredWholeRun(this::showStoredWholeRun);
            }
        });
    }

    /** The stored run, unless another has started meanwhile. */
    private void showStoredWholeRun(io.kinefold.ui.common.WholeRunData stored) {
        if (!model.runningProperty().get()) {
            wholeRunChart.setData(stored);
        }
    }

    private static <T> void column(TableColumn<WorkerRow, T> column, Function<WorkerRow, T> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    private static TableCell<WorkerRow, Double> numberCell(String format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null || item.isNaN() ? null : String.format(Locale.ROOT, format, item));
            }
        };
    }

    private static void fire(Button button) {
        if (!button.isDisabled()) {
            button.fire();
        }
    }

    @FXML
    private void runPool() {
        model.start(true);
    }

    @FXML
    private void runSingle() {
        model.start(false);
    }

    @FXML
    private void runCompare() {
        model.start(RunViewModel.Mode.COMPARE);
    }

    @FXML
    private void runCluster() {
        model.start(RunViewModel.Mode.CLUSTER);
    }

    @FXML
    private void showResults() {
        model.showResults();
    }

    @FXML
    private void cancel() {
        if (model.runningProperty().get()) {
            model.cancel();
        }
    }

    @FXML
    private void showDetails() {
        Dialogs.showDetails(root, model.errorProperty().get(), model.errorDetailsProperty().get());
    }
}
