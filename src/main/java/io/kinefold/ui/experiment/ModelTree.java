package io.kinefold.ui.experiment;

import io.kinefold.data.ModelKind;
import io.kinefold.kind.KindSpec;
import io.kinefold.kind.Kinds;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The Experiment view's list of models: grouped by kind, each with its check box and its count. */
final class ModelTree {
    private final ExperimentViewModel model;
    private final TreeView<Object> modelTree;

    ModelTree(ExperimentViewModel model, TreeView<Object> modelTree) {
        this.model = model;
        this.modelTree = modelTree;
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
    }

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

    void selectInTree(ModelEntry entry) {
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
    static void redWhenInvalid(Label count) {
        count.textProperty().addListener((obs, old, text) -> {
            count.getStyleClass().remove("model-invalid");
            if (ModelEntry.INVALID.equals(text)) {
                count.getStyleClass().add("model-invalid");
            }
        });
    }
}
