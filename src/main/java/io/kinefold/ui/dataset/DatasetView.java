package io.kinefold.ui.dataset;

import io.kinefold.data.PoseTrack;
import io.kinefold.data.Problem;
import io.kinefold.data.Recording;
import io.kinefold.ui.common.AppContext;
import io.kinefold.ui.common.FileDialogs;
import io.kinefold.ui.common.Fxml;
import io.kinefold.ui.common.FullText;
import io.kinefold.ui.common.Tables;
import java.nio.file.Path;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** Controller of {@code dataset_view.fxml}: binds the controls to a {@link DatasetViewModel}. */
public final class DatasetView {
    private static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);

    private final DatasetViewModel model;
    private final FileDialogs dialogs;
    private Timeline player;
    private Rectangle2D box = new Rectangle2D(0, 0, 1, 1);

    @FXML private VBox root;
    @FXML private Button openButton;
    @FXML private ProgressIndicator progress;
    @FXML private Label nameLabel;
    @FXML private Label summaryLabel;
    @FXML private Label errorLabel;
    @FXML private TextField filterField;
    @FXML private TableView<RecordingRow> table;
    @FXML private TableColumn<RecordingRow, String> idColumn;
    @FXML private TableColumn<RecordingRow, String> exerciseColumn;
    @FXML private TableColumn<RecordingRow, String> subjectColumn;
    @FXML private TableColumn<RecordingRow, Integer> framesColumn;
    @FXML private TableColumn<RecordingRow, Integer> droppedColumn;
    @FXML private TableColumn<RecordingRow, Integer> correctColumn;
    @FXML private TableColumn<RecordingRow, Integer> incorrectColumn;
    @FXML private TableColumn<RecordingRow, Integer> problemsColumn;
    @FXML private Pane canvasHolder;
    @FXML private Canvas canvas;
    @FXML private Label missingLabel;
    @FXML private Pane stripHolder;
    @FXML private Canvas strip;
    @FXML private Button playButton;
    @FXML private Slider frameSlider;
    @FXML private Label frameLabel;
    @FXML private TitledPane problemsPane;
    @FXML private ListView<Problem> problemList;

    public DatasetView(DatasetViewModel model, FileDialogs dialogs) {
        this.model = model;
        this.dialogs = dialogs;
    }

    /** The view for the app: opens the last folder used, or the bundled dataset, in the background. */
    public static Parent create(AppContext context) {
        DatasetViewModel model = DatasetViewModel.forApp(context);
        Parent view = create(model, context.fileDialogs());
        model.openAtStart();
        return view;
    }

    /** The view over a given model, which the caller opens folders in. */
    public static Parent create(DatasetViewModel model, FileDialogs dialogs) {
        return Fxml.load(DatasetView.class, "dataset_view.fxml", () -> new DatasetView(model, dialogs));
    }

    @FXML
    private void initialize() {
        progress.visibleProperty().bind(model.loadingProperty());
        progress.managedProperty().bind(model.loadingProperty());
        openButton.disableProperty().bind(model.loadingProperty());
        nameLabel.textProperty().bind(model.datasetNameProperty());
        summaryLabel.textProperty().bind(Bindings.when(model.loadingProperty())
                .then(model.statusProperty()).otherwise(model.summaryProperty()));
        FullText.inTooltip(summaryLabel);
        errorLabel.textProperty().bind(model.errorProperty());
        errorLabel.visibleProperty().bind(model.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());

        filterField.textProperty().bindBidirectional(model.filterProperty());
        Tables.column(idColumn, RecordingRow::id);
        Tables.column(exerciseColumn, RecordingRow::exercise);
        Tables.column(subjectColumn, RecordingRow::subject);
        Tables.column(framesColumn, RecordingRow::frames);
        Tables.column(droppedColumn, RecordingRow::droppedFrames);
        Tables.column(correctColumn, RecordingRow::repsCorrect);
        Tables.column(incorrectColumn, RecordingRow::repsIncorrect);
        Tables.column(problemsColumn, RecordingRow::problems);
        Tables.sortable(table, model.rows());
        table.setPlaceholder(new Label("No recordings"));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                model.select(row);
            }
        });
        model.selectedProperty().addListener((obs, old, row) -> {
            stop();
            box = row == null ? new Rectangle2D(0, 0, 1, 1) : SkeletonPainter.bounds(row.recording().track());
            Tables.select(table, row);
            redraw();
        });

        frameSlider.setMin(0);
        frameSlider.maxProperty().bind(Bindings.max(0, model.frameCountProperty().subtract(1)));
        frameSlider.setBlockIncrement(1);
        frameSlider.valueProperty().bindBidirectional(model.frameIndexProperty());
        frameSlider.disableProperty().bind(model.frameCountProperty().isEqualTo(0));
        playButton.disableProperty().bind(model.frameCountProperty().isEqualTo(0));
        frameLabel.textProperty().bind(model.frameTextProperty());
        missingLabel.textProperty().bind(model.missingTextProperty());
        model.frameIndexProperty().addListener((obs, old, i) -> redraw());

        canvas.widthProperty().bind(canvasHolder.widthProperty());
        canvas.heightProperty().bind(canvasHolder.heightProperty());
        strip.widthProperty().bind(stripHolder.widthProperty());
        strip.heightProperty().bind(stripHolder.heightProperty());
        canvas.widthProperty().addListener(o -> redraw());
        canvas.heightProperty().addListener(o -> redraw());
        strip.widthProperty().addListener(o -> redraw());

        problemList.setItems(model.problems());
        problemList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Problem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.file() + ": " + item.message());
                getStyleClass().remove("problem");
                if (!empty && item != null) {
                    getStyleClass().add("problem");
                }
            }
        });
        problemsPane.textProperty().bind(Bindings.size(model.problems()).asString("Problems (%d)"));
        problemsPane.setExpanded(false);

        root.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.getAccelerators().remove(OPEN);
            }
            if (scene != null) {
                scene.getAccelerators().put(OPEN, this::openFolder);
            }
        });
    }


    @FXML
    private void openFolder() {
        if (model.loadingProperty().get()) {
            return;
        }
        Path start = null;
        if (model.datasetProperty().get() != null) {
            start = model.datasetProperty().get().root().getParent();
        }
        Scene scene = root.getScene();
        dialogs.show(scene == null ? null : scene.getWindow(), FileDialogs.Request.folder("Open a dataset folder", start))
                .ifPresent(model::open);
    }

    @FXML
    private void togglePlay() {
        if (player != null) {
            stop();
            return;
        }
        if (model.frameIndexProperty().get() >= model.frameCountProperty().get() - 1) {
            model.frameIndexProperty().set(0);
        }
        player = new Timeline(new KeyFrame(Duration.seconds(1 / model.fps()), e -> {
            if (!model.advance()) {
                stop();
            }
        }));
        player.setCycleCount(Animation.INDEFINITE);
        player.play();
        playButton.setText("❚❚ Pause");
    }

    private void stop() {
        if (player != null) {
            player.stop();
            player = null;
        }
        playButton.setText("▶ Play");
    }

    private void redraw() {
        Recording recording = model.selectedRecording().orElse(null);
        if (recording == null) {
            SkeletonPainter.clear(canvas);
            SkeletonPainter.drawStrip(strip, -1, -1, java.util.List.of(), java.util.List.of(), -1);
            return;
        }
        PoseTrack track = recording.track();
        int index = model.frameIndexProperty().get();
        SkeletonPainter.drawFrame(canvas, track, box, index);
        SkeletonPainter.drawStrip(strip, track.firstFrame(), track.lastFrame(), recording.startFrames(),
                recording.reps(), model.currentFrameNumber());
    }
}
