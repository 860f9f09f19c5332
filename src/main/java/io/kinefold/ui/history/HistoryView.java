package io.kinefold.ui.history;

import io.kinefold.report.ExportFormat;
import io.kinefold.ui.common.AppContext;
import io.kinefold.ui.common.FileDialogs;
import io.kinefold.ui.common.Fxml;
import io.kinefold.ui.common.Tables;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Controller of {@code history_view.fxml}: binds the controls to a {@link HistoryViewModel}. */
public final class HistoryView {
    private static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.F5);

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
    @FXML private TableColumn<HistoryRow, String> wallColumn;
    @FXML private Label statusLabel;

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

    @FXML
    private void initialize() {
        Tables.column(idColumn, HistoryRow::id);
        Tables.column(startedColumn, HistoryRow::started);
        Tables.column(experimentColumn, HistoryRow::experiment);
        Tables.column(modeColumn, HistoryRow::mode);
        Tables.column(workersColumn, HistoryRow::workers);
        Tables.column(statusColumn, HistoryRow::status);
        Tables.column(trialsColumn, HistoryRow::trials);
        Tables.column(wallColumn, HistoryRow::wallTime);
        Tables.column(bestColumn, HistoryRow::best);
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
        runTable.setItems(model.rows());
        runTable.setPlaceholder(new Label("No runs yet: start one in the Run tab, then press Refresh"));
        runTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> model.selectedProperty().set(row));
        model.selectedProperty().addListener((obs, old, row) -> Tables.select(runTable, row));

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

        root.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.getAccelerators().remove(REFRESH);
            }
            if (scene != null) {
                scene.getAccelerators().put(REFRESH, this::refresh);
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
        confirm.setTitle("Delete run");
        confirm.setHeaderText("Delete run " + row.id() + " (" + row.experiment() + ")?");
        confirm.initOwner(window());
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> model.delete(row));
    }
}
