package io.kinefold.ui.experiment;

import io.kinefold.data.ModelKind;
import io.kinefold.exec.WorkerCount;
import io.kinefold.kind.KindSpec;
import io.kinefold.kind.Kinds;
import io.kinefold.ui.common.AppContext;
import io.kinefold.ui.common.Dialogs;
import io.kinefold.ui.common.FileDialogs;
import io.kinefold.ui.common.Fxml;
import io.kinefold.ui.common.FullText;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.ValidationDecoration;

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
    /** Undoes the bindings of the grid form shown, before another model's replaces it. */
    private final List<Runnable> formCleanup = new ArrayList<>();
    /** Decorates the spec-wide fields; the grid form has one of its own, made again with the form. */
    private final ValidationSupport specValidation = validationSupport();

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
        decorate(specValidation, nameField, model.nameErrorProperty());
        nameField.setTooltip(new Tooltip("A short name for lists and reports"));
        statusLabel.textProperty().bind(model.statusProperty());
        // The status is one line beside the toolbar: cut to the width, whole in the tooltip.
        FullText.inTooltip(statusLabel);
        errorLabel.textProperty().bind(model.errorProperty());
        errorLabel.visibleProperty().bind(model.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());

        modelsLabel.setLabelFor(modelTree);
        modelTree.setRoot(new TreeItem<>("models"));
        modelTree.setCellFactory(tree -> new ModelCell());
        model.models().addListener((ListChangeListener<ModelEntry>) c -> fillTree());
        fillTree();
        modelTree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null && item.getValue() instanceof ModelEntry entry) {
                model.selectedProperty().set(entry);
            }
        });
        // Space turns the selected model on or off, as it would tick a check box in a list; a filter,
        // because the tree's own key handling consumes Space for selection first.
        modelTree.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            TreeItem<Object> item = modelTree.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.SPACE && item != null && item.getValue() instanceof ModelEntry entry) {
                entry.enabledProperty().set(!entry.enabledProperty().get());
                e.consume();
            }
        });
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
        redWhenInvalid(modelCount);
        buildSpecForm();

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

    // ---- the model list ----

    private void fillTree() {
        TreeItem<Object> top = modelTree.getRoot();
        top.getChildren().clear();
        for (KindSpec spec : Kinds.all()) {
            ModelKind kind = spec.kind();
            TreeItem<Object> group = new TreeItem<>(kind);
            group.setExpanded(true);
            for (ModelEntry entry : model.models()) {
                if (entry.kind().equals(kind)) {
                    group.getChildren().add(new TreeItem<>(entry));
                }
            }
            if (!group.getChildren().isEmpty()) {
                top.getChildren().add(group);
            }
        }
        selectInTree(model.selectedProperty().get());
    }

    private void selectInTree(ModelEntry entry) {
        for (TreeItem<Object> group : modelTree.getRoot().getChildren()) {
            for (TreeItem<Object> item : group.getChildren()) {
                if (item.getValue() == entry) {
                    modelTree.getSelectionModel().select(item);
                    return;
                }
            }
        }
    }

    /** A model with its check box and its count, or the heading of a kind. */
    private static final class ModelCell extends TreeCell<Object> {
        private final CheckBox check = new CheckBox();
        private final Label name = new Label();
        private final Label count = new Label();
        private final Region spacer = new Region();
        // The name apart from the check box: clicking it chooses the model, clicking the box turns it on or off.
        private final HBox box = new HBox(4, check, name, spacer, count);
        private ModelEntry bound;

        ModelCell() {
            HBox.setHgrow(spacer, Priority.ALWAYS);
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            count.getStyleClass().add("model-count");
            redWhenInvalid(count);
            check.setFocusTraversable(false);
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                check.selectedProperty().unbindBidirectional(bound.enabledProperty());
                count.textProperty().unbind();
                bound = null;
            }
            getStyleClass().remove("model-group");
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
            } else if (item instanceof ModelEntry entry) {
                bound = entry;
                name.setText(entry.title());
                check.selectedProperty().bindBidirectional(entry.enabledProperty());
                check.setDisable(!entry.available());
                name.setDisable(!entry.available());
                count.textProperty().bind(entry.countTextProperty());
                setText(null);
                setGraphic(box);
                Tooltip tip = new Tooltip(entry.available() ? entry.description()
                        : "Not on this dataset: " + entry.refusal());
                tip.setWrapText(true);
                tip.setMaxWidth(420);
                setTooltip(tip);
            } else if (item instanceof ModelKind kind) {
                setText(ModelEntry.kindTitle(kind));
                setGraphic(null);
                setTooltip(null);
                getStyleClass().add("model-group");
            }
        }
    }

    /** A model's count label turns red while the model has a field with a problem. */
    private static void redWhenInvalid(Label count) {
        count.textProperty().addListener((obs, old, text) -> {
            count.getStyleClass().remove("model-invalid");
            if (ModelEntry.INVALID.equals(text)) {
                count.getStyleClass().add("model-invalid");
            }
        });
    }

    // ---- the grid form of one model ----

    private void showModel(ModelEntry entry) {
        formCleanup.forEach(Runnable::run);
        formCleanup.clear();
        gridForm.getChildren().clear();
        if (entry == null) {
            modelTitle.setText("No model");
            modelDescription.setText("Open a dataset in the Dataset tab: its models are listed on the left.");
            includeBox.setVisible(false);
            modelCount.textProperty().unbind();
            modelCount.setText("");
            return;
        }
        selectInTree(entry);
        modelTitle.setText(entry.title());
        modelDescription.setText(entry.available() ? entry.description()
                : "Not on this dataset: " + entry.refusal() + ". It is left out of the experiment.");
        includeBox.setVisible(true);
        includeBox.setDisable(!entry.available());
        modelCount.textProperty().bind(entry.countTextProperty());
        includeBox.selectedProperty().bindBidirectional(entry.enabledProperty());
        formCleanup.add(() -> includeBox.selectedProperty().unbindBidirectional(entry.enabledProperty()));
        ValidationSupport gridValidation = validationSupport();
        int row = 0;
        for (GridField field : entry.fields()) {
            Node control;
            if (field.def().hasChoices()) {
                control = choiceBoxes(entry, field);
            } else {
                TextField text = new TextField();
                text.setId(field.def().name());
                text.textProperty().bindBidirectional(field.textProperty());
                text.disableProperty().bind(entry.enabledProperty().not());
                formCleanup.add(() -> text.textProperty().unbindBidirectional(field.textProperty()));
                control = text;
            }
            if (control instanceof Control c) {
                formCleanup.add(decorate(gridValidation, c, field.errorProperty()));
            }
            addRow(gridForm, row, field.label(), control, field.hint(), field.def().description(), field.errorProperty());
            row += 2;
        }
    }

    /**
     * A parameter with named choices as one check box per choice, ticked for each value in the
     * grid: the choices are seen rather than remembered, and Tab and Space reach every one.
     */
    private HBox choiceBoxes(ModelEntry entry, GridField field) {
        HBox boxes = new HBox(12);
        boxes.setId(field.def().name());
        boxes.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        List<javafx.beans.property.BooleanProperty> chosen = field.choiceProperties();
        for (int i = 0; i < chosen.size(); i++) {
            CheckBox box = new CheckBox(field.def().choices().get(i));
            box.setId(field.def().name() + "-" + field.def().choices().get(i));
            box.setMnemonicParsing(false);
            box.setTooltip(new Tooltip(field.def().description()));
            box.disableProperty().bind(entry.enabledProperty().not());
            var property = chosen.get(i);
            box.selectedProperty().bindBidirectional(property);
            formCleanup.add(() -> box.selectedProperty().unbindBidirectional(property));
            boxes.getChildren().add(box);
        }
        return boxes;
    }

    /**
     * Adds label, control and hint on one row and the field's error under the control.
     *
     * @return the error label
     */
    private static Label addRow(GridPane grid, int row, String label, Node control, String hint, String description,
                                ReadOnlyStringProperty error) {
        Label name = new Label(label);
        name.setLabelFor(control);
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label hintLabel = new Label(hint);
        hintLabel.getStyleClass().add("field-hint");
        hintLabel.setMinWidth(0);
        Label errorLabel = new Label();
        errorLabel.getStyleClass().add("field-error");
        errorLabel.setWrapText(true);
        errorLabel.textProperty().bind(error);
        errorLabel.visibleProperty().bind(error.isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        if (control instanceof Control c) {
            Tooltip tip = new Tooltip(description);
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            c.setTooltip(tip);
            c.setMaxWidth(Double.MAX_VALUE);
        }
        grid.add(name, 0, row);
        grid.add(control, 1, row);
        grid.add(hintLabel, 2, row);
        grid.add(errorLabel, 1, row + 1, 2, 1);
        GridPane.setValignment(name, VPos.CENTER);
        return errorLabel;
    }

    /**
     * The {@code invalid} style on the field and the reason as its tooltip. Not ControlsFX's own
     * decorations: every one of them (the style-class one too) goes through its {@code Decorator},
     * which replaces the scene's root with a {@code DecorationPane}; in the app's window that pane
     * once came up empty, a blank window (seen when a test's stage got the app after another view).
     */
    private static ValidationSupport validationSupport() {
        ValidationSupport support = new ValidationSupport();
        support.setValidationDecorator(new FieldDecoration());
        return support;
    }

    /** A validation decoration on the field itself: its style class and tooltip, nothing in the scene above it. */
    private static final class FieldDecoration implements ValidationDecoration {
        private static final String STYLE = "invalid";

        @Override
        public void removeDecorations(Control target) {
            target.getStyleClass().remove(STYLE);
            if (target.getTooltip() != null && target.getProperties().remove(FieldDecoration.class) != null) {
                target.setTooltip(null);
            }
        }

        @Override
        public void applyValidationDecoration(ValidationMessage message) {
            Control target = message.getTarget();
            if (!target.getStyleClass().contains(STYLE)) {
                target.getStyleClass().add(STYLE);
            }
            target.setTooltip(new Tooltip(message.getText()));
            target.getProperties().put(FieldDecoration.class, Boolean.TRUE);
        }

        @Override
        public void applyRequiredDecoration(Control target) {
            // Every field here has a value to check, none is merely required.
        }
    }

    /**
     * Has the support decorate the control while {@code error} holds a reason. The view model's
     * error is the rule, not the control's value: the planner can find a problem (more folds than
     * subjects) after the text changed, so each change of the error revalidates.
     *
     * @return how to stop: the control's decorations go with it
     */
    private static Runnable decorate(ValidationSupport support, Control control, ReadOnlyStringProperty error) {
        control.getProperties().put(ValidationSupport.class, support);
        support.registerValidator(control, false,
                (Control c, Object value) -> ValidationResult.fromErrorIf(c, error.get(), error.get() != null));
        ChangeListener<String> listener = (obs, old, now) -> support.revalidate(control);
        error.addListener(listener);
        support.revalidate(control);
        return () -> {
            error.removeListener(listener);
            new FieldDecoration().removeDecorations(control);
        };
    }

    /** The decorations' tooltips read as the error line does; the tests ask the support this. */
    static String decorationText(Control control) {
        Object support = control.getProperties().get(ValidationSupport.class);
        return support instanceof ValidationSupport s
                ? s.getHighestMessage(control).map(m -> m.getText()).orElse(null) : null;
    }

    // ---- the spec-wide fields ----

    private void buildSpecForm() {
        TextField folds = new TextField();
        folds.setId("folds");
        folds.textProperty().bindBidirectional(model.foldsProperty());
        decorate(specValidation, folds, model.foldsErrorProperty());
        addRow(specForm, 0, "Folds", folds, "2–" + ExperimentViewModel.MAX_FOLDS + ", at most the subjects of a class",
                "Cross-validation folds: every grid point is trained and tested this many times, grouped by subject.",
                model.foldsErrorProperty());

        TextField seed = new TextField();
        seed.setId("seed");
        seed.textProperty().bindBidirectional(model.seedProperty());
        decorate(specValidation, seed, model.seedErrorProperty());
        addRow(specForm, 2, "Seed", seed, "any whole number",
                "Fixes folds, shuffling and initial weights: the same seed gives the same results.", model.seedErrorProperty());

        CheckBox stopping = new CheckBox("Stop early when the validation loss stops improving");
        stopping.setId("earlyStopping");
        stopping.selectedProperty().bindBidirectional(model.earlyStoppingProperty());
        Label stoppingLabel = new Label("Early stopping");
        stoppingLabel.setLabelFor(stopping);
        specForm.add(stoppingLabel, 0, 4);
        specForm.add(stopping, 1, 4, 2, 1);

        TextField patience = new TextField();
        patience.setId("patience");
        patience.textProperty().bindBidirectional(model.patienceProperty());
        patience.disableProperty().bind(model.earlyStoppingProperty().not());
        decorate(specValidation, patience, model.patienceErrorProperty());
        addRow(specForm, 6, "Patience", patience, "epochs without improvement, 1–1000",
                "Epochs without a better validation loss before training stops.", model.patienceErrorProperty());

        TextField fraction = new TextField();
        fraction.setId("validationFraction");
        fraction.textProperty().bindBidirectional(model.validationFractionProperty());
        fraction.disableProperty().bind(model.earlyStoppingProperty().not());
        decorate(specValidation, fraction, model.validationFractionErrorProperty());
        addRow(specForm, 8, "Validation fraction", fraction, "share of training subjects, above 0 and below 0.5",
                "Share of the training subjects held out to watch the validation loss.",
                model.validationFractionErrorProperty());

        ComboBox<String> workers = new ComboBox<>();
        workers.setId("workers");
        workers.setEditable(true);
        workers.getItems().add("auto");
        for (int n = 1; n <= 16; n++) {
            workers.getItems().add(Integer.toString(n));
        }
        workers.setValue(model.workersProperty().get());
        // The editor's text, not the value: the value only changes once the user presses Enter.
        workers.getEditor().textProperty().bindBidirectional(model.workersProperty());
        decorate(specValidation, workers, model.workersErrorProperty());
        addRow(specForm, 10, "Workers", workers, "auto or 1–" + WorkerCount.MAX + ", shared with the Run view",
                "Worker processes of the pool; auto takes what the cores and the free memory allow.",
                model.workersErrorProperty());
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
