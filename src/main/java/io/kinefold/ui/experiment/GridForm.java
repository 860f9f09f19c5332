package io.kinefold.ui.experiment;

import static io.kinefold.ui.experiment.FieldDecorations.decorate;
import static io.kinefold.ui.experiment.FieldDecorations.validationSupport;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.controlsfx.validation.ValidationSupport;

/** The grid form of one model, generated from its hyperparameter definitions, each field decorated while it has a problem. */
final class GridForm {
    private final GridPane gridForm;
    /** Undoes the bindings of the grid form shown, before another model's replaces it. */
    private final List<Runnable> formCleanup = new ArrayList<>();

    GridForm(GridPane gridForm) {
        this.gridForm = gridForm;
    }

    /** Undoes the bindings of the form shown and empties it. */
    void clear() {
        formCleanup.forEach(Runnable::run);
        formCleanup.clear();
        gridForm.getChildren().clear();
    }

    /** Has {@link #clear()} also run {@code cleanup}. */
    void onClear(Runnable cleanup) {
        formCleanup.add(cleanup);
    }

    /** Fills the emptied form with the fields of {@code entry}. */
    void fill(ModelEntry entry) {
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
    static Label addRow(GridPane grid, int row, String label, Node control, String hint, String description,
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
}
