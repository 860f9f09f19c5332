package io.kinefold.ui.experiment;

import io.kinefold.ui.common.AppContext;
import io.kinefold.ui.common.Dialogs;
import io.kinefold.ui.common.FileDialogs;
import io.kinefold.ui.common.Fxml;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.validation.ValidationSupport;

/**
 * Controller of {@code experiment_view.fxml}: binds the controls to an {@link ExperimentViewModel}
 * and generates the grid form of the selected model from its hyperparameter definitions.
 *
 * <p>A field with a problem is decorated by ControlsFX's {@link ValidationSupport}: an icon
 * whose tooltip gives the reason and the {@code invalid} style; the reason also stays in words
 * under the field, for who reads with the keyboard rather than the mouse.
 *
 * <p>Shortcuts: Ctrl+S saves the spec, Ctrl+Shift+O opens one. Not Ctrl+O: the Dataset view
 * holds it on the scene for opening a dataset folder, and a scene has one action per key.
 */
public final class ExperimentView {
    static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    private static final int PROBLEMS_SHOWN = 3;

    private final ExperimentViewModel model;
    private final FileDialogs dialogs;
    /** Decorates the spec-wide fields; the grid form has one of its own, made again with the form. */
    private final ValidationSupport specValidation = FieldDecorations.validationSupport();
    private ModelTree tree;
    private GridForm form;

    @FXML private VBox root;
    @FXML private Button quickButton;
    @FXML private Button realButton;
    @FXML private Button articleButton;
    @FXML private Button openButton;
    @FXML private Button saveButton;
    @FXML private ProgressIndicator progress;
    @FXML private Label nameLabel;
    @FXML private TextField nameField;
    @FXML private Label statusLabel;
    @FXML private Label errorLabel;
    @FXML private Label modelsLabel;
    @FXML private TreeView<Object> modelTree;
    @FXML private Button copyButton;
    @FXML private Label modelTitle;
    @FXML private CheckBox includeBox;
    @FXML private Label modelCount;
    @FXML private Label modelDescription;
    @FXML private GridPane gridForm;
    @FXML private GridPane specForm;
    @FXML private Label summaryLabel;
    @FXML private Label estimateLabel;
    @FXML private Label problemsLabel;

    public ExperimentView(ExperimentViewModel model, FileDialogs dialogs) {
        this.model = model;
        this.dialogs = dialogs;
    }

    /** The view for the app: updates on the FX thread, planning and files on the context's executor. */
    public static Parent create(AppContext context) {
        return create(ExperimentViewModel.forApp(context), context.fileDialogs());
    }

    public static Parent create(ExperimentViewModel model, FileDialogs dialogs) {
        return Fxml.load(ExperimentView.class, "experiment_view.fxml", () -> new ExperimentView(model, dialogs));
    }

    @FXML
    private void initialize() {
        quickButton.setTooltip(new Tooltip("The quick preset: a small grid that finishes in a few minutes on two cores"));
        realButton.setTooltip(new Tooltip("For short real recordings of few subjects: 5 folds, small batches, "
                + "the feature options that matter on real people (hip centring, velocities, joint angles)"));
        articleButton.setTooltip(new Tooltip("The article's grid: 24 points for pose, 6 per start model, 54 per rep model, 10 folds"));
        openButton.setTooltip(new Tooltip("Open a spec file (Ctrl+Shift+O)"));
        saveButton.setTooltip(new Tooltip("Save the spec as a file (Ctrl+S)"));
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(model.busyProperty());
        quickButton.disableProperty().bind(model.busyProperty());
        realButton.disableProperty().bind(model.busyProperty());
        articleButton.disableProperty().bind(model.busyProperty());
        openButton.disableProperty().bind(model.busyProperty());
        saveButton.disableProperty().bind(model.busyProperty());

        nameLabel.setLabelFor(nameField);
        nameField.textProperty().bindBidirectional(model.nameProperty());
        FieldDecorations.decorate(specValidation, nameField, model.nameErrorProperty());
        nameField.setTooltip(new Tooltip("A short name for lists and reports"));
        statusLabel.textProperty().bind(model.statusProperty());
        errorLabel.textProperty().bind(model.errorProperty());
        errorLabel.visibleProperty().bind(model.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());

        modelsLabel.setLabelFor(modelTree);
        tree = new ModelTree(model, modelTree);
        form = new GridForm(gridForm);
        model.selectedProperty().addListener((obs, old, entry) -> showModel(entry));
        showModel(model.selectedProperty().get());
        // Pose is alone of its kind, as is every model of a one-exercise dataset: nothing to copy to, no button.
        copyButton.visibleProperty().bind(Bindings.createBooleanBinding(() -> {
            ModelEntry entry = model.selectedProperty().get();
            return entry != null && entry.available() && model.models().stream()
                    .anyMatch(e -> e != entry && e.available() && e.kind().equals(entry.kind()));
        }, model.selectedProperty(), model.models()));
        copyButton.managedProperty().bind(copyButton.visibleProperty());
        copyButton.textProperty().bind(Bindings.createStringBinding(() -> {
            ModelEntry entry = model.selectedProperty().get();
            return entry == null ? "_Copy grid to all of this kind"
                    : "_Copy this grid to every " + entry.kind().name() + " model";
        }, model.selectedProperty()));

        modelCount.getStyleClass().add("model-count");
        ModelTree.redWhenInvalid(modelCount);
        SpecForm.build(model, specForm, specValidation);

        summaryLabel.textProperty().bind(model.summaryProperty());
        estimateLabel.textProperty().bind(model.estimateProperty());
        problemsLabel.textProperty().bind(Bindings.createStringBinding(this::problemsText, model.problems()));
        problemsLabel.visibleProperty().bind(Bindings.isNotEmpty(model.problems()));
        problemsLabel.managedProperty().bind(problemsLabel.visibleProperty());

        root.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.getAccelerators().remove(SAVE);
                old.getAccelerators().remove(OPEN);
            }
            if (scene != null) {
                scene.getAccelerators().put(SAVE, () -> whenShowing(this::saveSpec));
                scene.getAccelerators().put(OPEN, () -> whenShowing(this::openSpec));
            }
        });
    }

    private String problemsText() {
        List<String> all = model.problems();
        List<String> shown = all.subList(0, Math.min(PROBLEMS_SHOWN, all.size()));
        return String.join("\n", shown) + (all.size() > shown.size() ? "\n… and " + (all.size() - shown.size()) + " more" : "");
    }

    /** The shortcuts live on the window's scene; they act only while this view's tab is the one shown. */
    private void whenShowing(Runnable action) {
        if (Dialogs.isShowing(root)) {
            action.run();
        }
    }

    // ---- the selected model ----

    private void showModel(ModelEntry entry) {
        form.clear();
        if (entry == null) {
            modelTitle.setText("No model");
            modelDescription.setText("Open a dataset in the Dataset tab: its models are listed on the left.");
            includeBox.setVisible(false);
            modelCount.textProperty().unbind();
            modelCount.setText("");
            return;
        }
        tree.selectInTree(entry);
        modelTitle.setText(entry.title());
        modelDescription.setText(entry.available() ? entry.description()
                : "Not on this dataset: " + entry.refusal() + ". It is left out of the experiment.");
        includeBox.setVisible(true);
        includeBox.setDisable(!entry.available());
        modelCount.textProperty().bind(entry.countTextProperty());
        includeBox.selectedProperty().bindBidirectional(entry.enabledProperty());
        form.onClear(() -> includeBox.selectedProperty().unbindBidirectional(entry.enabledProperty()));
        form.fill(entry);
    }

    /** The decorations' tooltips read as the error line does; the tests ask the support this. */
    static String decorationText(Control control) {
        return FieldDecorations.decorationText(control);
    }

    // ---- actions ----

    @FXML
    private void loadQuick() {
        model.loadPreset("quick");
    }

    @FXML
    private void loadReal() {
        model.loadPreset("real");
    }

    @FXML
    private void loadArticle() {
        model.loadPreset("article");
    }

    @FXML
    private void copyGrid() {
        ModelEntry entry = model.selectedProperty().get();
        if (entry != null) {
            model.copyGridToKind(entry);
        }
    }

    @FXML
    private void openSpec() {
        if (model.busyProperty().get()) {
            return;
        }
        dialogs.show(window(), FileDialogs.Request.openFile("Open an experiment spec", model.lastFolder().orElse(null),
                "Experiment specs", "json")).ifPresent(model::open);
    }

    @FXML
    private void saveSpec() {
        if (model.busyProperty().get()) {
            return;
        }
        String name = model.nameProperty().get() == null ? "" : model.nameProperty().get().strip();
        String suggested = (name.isEmpty() ? "experiment" : name.replaceAll("[^\\w.-]+", "-").replaceAll("^-+|-+$", "")) + ".json";
        dialogs.show(window(), FileDialogs.Request.saveFile("Save the experiment spec", model.lastFolder().orElse(null),
                suggested, "Experiment specs", "json")).ifPresent(model::save);
    }

    private Window window() {
        Scene scene = root.getScene();
        return scene == null ? null : scene.getWindow();
    }
}
