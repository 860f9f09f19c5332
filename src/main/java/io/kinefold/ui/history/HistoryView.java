package io.kinefold.ui.history;

import static io.kinefold.exec.Progress.clock;

import io.kinefold.report.ExportFormat;
import io.kinefold.report.RunsComparison;
import io.kinefold.ui.common.AppContext;
import io.kinefold.ui.common.FileDialogs;
import io.kinefold.ui.common.Fxml;
import io.kinefold.ui.common.Tables;
import io.kinefold.ui.common.WholeRunChart;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Controller of {@code history_view.fxml}: binds the controls to a {@link HistoryViewModel}. */
public final class HistoryView {
    private static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.F5);
    static final KeyCombination FILTER = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination RENAME = new KeyCodeCombination(KeyCode.F2);
    static final KeyCombination COMPARE =
            new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    private static final KeyCombination SAVE_NOTE = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final List<KeyCombination> ACCELERATORS = List.of(REFRESH, FILTER, RENAME, COMPARE);

    private final HistoryViewModel model;
    private final FileDialogs dialogs;

    @FXML private VBox root;
    @FXML private Button refreshButton;
    @FXML private MenuButton exportButton;
    @FXML private Button deleteButton;
    @FXML private Button openButton;
    @FXML private Button resumeButton;
    @FXML private TableColumn<HistoryRow, String> bestColumn;
    @FXML private TableView<HistoryRow> runTable;
    @FXML private TableColumn<HistoryRow, Long> idColumn;
    @FXML private TableColumn<HistoryRow, String> startedColumn;
    @FXML private TableColumn<HistoryRow, String> experimentColumn;
    @FXML private TableColumn<HistoryRow, String> modeColumn;
    @FXML private TableColumn<HistoryRow, Integer> workersColumn;
    @FXML private TableColumn<HistoryRow, String> statusColumn;
    @FXML private TableColumn<HistoryRow, String> trialsColumn;
    @FXML private TableColumn<HistoryRow, Double> wallColumn;
    @FXML private TableColumn<HistoryRow, String> nameColumn;
    @FXML private TableColumn<HistoryRow, String> datasetColumn;
    @FXML private TableColumn<HistoryRow, Integer> foldsColumn;
    @FXML private TableColumn<HistoryRow, Long> seedColumn;
    @FXML private TableColumn<HistoryRow, String> gridColumn;
    @FXML private TableColumn<HistoryRow, String> tagsColumn;
    @FXML private TableColumn<HistoryRow, String> comparedColumn;
    @FXML private Button compareButton;
    @FXML private TextField filterField;
    @FXML private GridPane notesPane;
    @FXML private TextField nameField;
    @FXML private TextField tagsField;
    @FXML private TextArea noteArea;
    @FXML private Button saveNoteButton;
    @FXML private Label statusLabel;
    @FXML private TitledPane resourcesPane;
    @FXML private Label nameLabel;
    @FXML private Label tagsLabel;
    @FXML private Label noteLabel;
    @FXML private WholeRunChart wholeRunChart;
    private Stage comparisonWindow;

    public HistoryView(HistoryViewModel model, FileDialogs dialogs) {
        this.model = model;
        this.dialogs = dialogs;
    }

    /** The view for the app: updates on the FX thread, reads the store on the context's executor. */
    public static Parent create(AppContext context) {
        return create(HistoryViewModel.forApp(context), context.fileDialogs());
    }

    public static Parent create(HistoryViewModel model, FileDialogs dialogs) {
        return Fxml.load(HistoryView.class, "history_view.fxml", () -> new HistoryView(model, dialogs));
    }

    private void showResources() {
        HistoryRow row = model.selectedProperty().get();
        resourcesPane.setText(row == null ? "Resources of the selected run, whole run"
                : "Resources of run " + row.id() + ", whole run");
        if (resourcesPane.isExpanded()) {
            model.loadWholeRun(row);
        }
    }

    @FXML
    private void initialize() {
        // In code: FXML cannot refer to a field defined after the label.
        nameLabel.setLabelFor(nameField);
        tagsLabel.setLabelFor(tagsField);
        noteLabel.setLabelFor(noteArea);
        Tables.column(idColumn, HistoryRow::id);
        Tables.column(startedColumn, HistoryRow::started);
        Tables.column(experimentColumn, HistoryRow::experiment);
        Tables.column(modeColumn, HistoryRow::mode);
        Tables.column(workersColumn, HistoryRow::workers);
        Tables.column(statusColumn, HistoryRow::status);
        Tables.column(trialsColumn, HistoryRow::trials);
        Tables.column(wallColumn, HistoryRow::wallSeconds);
        // The seconds, shown as a clock, so that the column sorts by duration rather than by text ("10:00" < "9:59").
        wallColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double seconds, boolean empty) {
                super.updateItem(seconds, empty);
                setText(empty || seconds == null ? null : clock(seconds));
            }
        });
        Tables.column(bestColumn, HistoryRow::best);
        Tables.column(nameColumn, HistoryRow::name);
        Tables.column(datasetColumn, HistoryRow::dataset);
        Tables.column(foldsColumn, HistoryRow::folds);
        Tables.column(seedColumn, HistoryRow::seed);
        Tables.column(gridColumn, HistoryRow::grid);
        Tables.column(tagsColumn, HistoryRow::tagsText);
        Tables.column(comparedColumn, HistoryRow::comparison);
        Tables.numbers(idColumn, workersColumn, wallColumn, foldsColumn, seedColumn);
        runTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(HistoryRow row, boolean empty) {
                super.updateItem(row, empty);
                setTooltip(empty || row == null ? null : new Tooltip(tooltip(row)));
            }
        });
        runTable.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                open();
            }
        });
        runTable.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                open();
            }
        });
        Tables.sortable(runTable, model.shownRows());
        runTable.setPlaceholder(new Label("No runs yet: start one in the Run tab, then press Refresh"));
        runTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        runTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> model.selectedProperty().set(row));
        runTable.getSelectionModel().getSelectedItems().addListener((ListChangeListener<HistoryRow>) change ->
                model.choose(List.copyOf(runTable.getSelectionModel().getSelectedItems())));
        model.selectedProperty().addListener((obs, old, row) -> {
            Tables.select(runTable, row);
            showNote(row);
        });
        model.rows().addListener((ListChangeListener<HistoryRow>) change -> runTable.setPlaceholder(new Label(
                model.rows().isEmpty() ? "No runs yet: start one in the Run tab, then press Refresh"
                        : "No run matches the filter: press Esc in the filter to show every run")));

        filterField.textProperty().bindBidirectional(model.filterProperty());
        filterField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && !filterField.getText().isEmpty()) {
                filterField.clear();
                e.consume();
            }
        });
        // The whole run's resources, read only while the pane is open: a long run is many samples.
        model.wholeRunProperty().addListener((obs, old, data) -> {
            wholeRunChart.setData(data);
            wholeRunChart.fit();
        });
        resourcesPane.expandedProperty().addListener((obs, was, open) -> {
            // Open, the pane shares the height with the table: at a fixed 300 pixels its five lanes
            // were slivers with their labels on top of each other at 1280×800, and small at 1920×1080.
            VBox.setVgrow(resourcesPane, open ? Priority.ALWAYS : Priority.NEVER);
            showResources();
        });
        model.selectedProperty().addListener((obs, old, row) -> showResources());
        notesPane.disableProperty().bind(model.selectedProperty().isNull().or(model.loadingProperty()));
        nameField.setOnAction(e -> saveNote());
        tagsField.setOnAction(e -> saveNote());
        noteArea.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (SAVE_NOTE.match(e)) {
                saveNote();
                e.consume();
            }
        });
        compareButton.disableProperty().bind(model.loadingProperty().or(Bindings.size(model.chosenRows()).lessThan(2)));
        model.comparisonProperty().addListener((obs, old, comparison) -> {
            if (comparison != null) {
                showComparison(comparison);
            }
        });

        for (ExportFormat format : ExportFormat.values()) {
            MenuItem item = new MenuItem(format.label());
            item.setOnAction(e -> export(format));
            exportButton.getItems().add(item);
        }
        refreshButton.disableProperty().bind(model.loadingProperty());
        exportButton.disableProperty().bind(model.loadingProperty().or(model.selectedProperty().isNull()));
        deleteButton.disableProperty().bind(model.loadingProperty().or(model.selectedProperty().isNull()));
        openButton.disableProperty().bind(model.selectedProperty().isNull());
        resumeButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.selectedProperty().get() == null || !model.selectedProperty().get().resumable(),
                model.selectedProperty()));
        statusLabel.textProperty().bind(model.statusProperty());

        // The table's own F2 (edit a cell) would take the key before the scene's accelerator sees it.
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (RENAME.match(e) && model.selectedProperty().get() != null) {
                rename();
                e.consume();
            }
        });
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                ACCELERATORS.forEach(old.getAccelerators()::remove);
            }
            if (scene != null) {
                scene.getAccelerators().put(REFRESH, this::refresh);
                scene.getAccelerators().put(FILTER, this::focusFilter);
                scene.getAccelerators().put(RENAME, this::rename);
                scene.getAccelerators().put(COMPARE, this::compare);
            }
        });
        model.refresh();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    @FXML
    private void refresh() {
        if (!model.loadingProperty().get()) {
            model.refresh();
        }
    }

    private void export(ExportFormat format) {
        HistoryRow row = model.selectedProperty().get();
        if (row == null) {
            return;
        }
        dialogs.show(window(), FileDialogs.Request.saveFile("Export run " + row.id() + " as " + format.label(), null,
                HistoryViewModel.suggestedName(row, format), format.label(), format.extension().toLowerCase(Locale.ROOT)))
                .ifPresent(file -> model.export(row, format, file));
    }

    private static String tooltip(HistoryRow row) {
        StringBuilder text = new StringBuilder("Run " + row.id() + " · " + row.experiment() + " on " + row.datasetPath());
        // The column may cut it: a run of many models has a long best-accuracy line.
        text.append("\nBest accuracy: ").append(row.best());
        if (row.comparedWith() >= 0) {
            text.append("\nCompared with run ").append(row.comparedWith())
                    .append(" (Compare both: the same spec single-process and in a pool)");
        }
        if (!row.note().isEmpty()) {
            text.append("\n\n").append(row.note());
        }
        return text.toString();
    }

    private void showNote(HistoryRow row) {
        nameField.setText(row == null || row.name().equals(row.experiment()) ? "" : row.name());
        nameField.setPromptText(row == null ? "" : row.experiment());
        tagsField.setText(row == null ? "" : row.tagsText());
        noteArea.setText(row == null ? "" : row.note());
    }

    /**
     * Whether the view is on screen: the accelerators belong to the scene, which every tab shares,
     * and Ctrl+F or F2 must not move the focus into a hidden tab.
     */
    private boolean showing() {
        if (root.getScene() == null) {
            return false;
        }
        for (Node n = root; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void focusFilter() {
        if (showing()) {
            filterField.requestFocus();
            filterField.selectAll();
        }
    }

    /** F2: the selected run's name field with its text selected, as a rename in a file manager. */
    private void rename() {
        if (showing() && model.selectedProperty().get() != null) {
            nameField.requestFocus();
            nameField.selectAll();
        }
    }

    @FXML
    private void saveNote() {
        model.saveNote(model.selectedProperty().get(), nameField.getText(), tagsField.getText(), noteArea.getText());
    }

    @FXML
    private void compare() {
        if (showing() && !compareButton.isDisabled()) {
            model.compareChosen();
        }
    }

    private void showComparison(RunsComparison comparison) {
        if (comparisonWindow == null) {
            comparisonWindow = new Stage();
            comparisonWindow.initOwner(window());
            comparisonWindow.setScene(new Scene(new Label(), 1100, 760));
            if (root.getScene() != null) {
                comparisonWindow.getScene().getStylesheets().setAll(root.getScene().getStylesheets());
            }
            comparisonWindow.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), comparisonWindow::hide);
        }
        comparisonWindow.setTitle("Compare " + comparison.runs().stream().map(r -> "run " + r.runId())
                .collect(java.util.stream.Collectors.joining(", ")));
        comparisonWindow.getScene().setRoot(ComparisonPane.of(comparison, model::comparisonTitle));
        comparisonWindow.show();
        comparisonWindow.toFront();
    }

    @FXML
    private void open() {
        model.open(model.selectedProperty().get());
    }

    @FXML
    private void resume() {
        model.resume(model.selectedProperty().get());
    }

    @FXML
    private void delete() {
        HistoryRow row = model.selectedProperty().get();
        if (row == null) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "Its trial results and resource samples are deleted too. This cannot be undone.",
                ButtonType.CANCEL, ButtonType.OK);
        // The safe choice is the default: Return must not delete a run.
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setDefaultButton(false);
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        confirm.setTitle("Delete run");
        confirm.setHeaderText("Delete run " + row.id() + " (" + row.experiment() + ")?");
        confirm.initOwner(window());
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> model.delete(row));
    }
}
