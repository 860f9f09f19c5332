package io.kinefold.ui.experiment;

import static io.kinefold.ui.experiment.FieldDecorations.decorate;
import static io.kinefold.ui.experiment.GridForm.addRow;

import io.kinefold.exec.WorkerCount;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.controlsfx.validation.ValidationSupport;

/** The spec-wide settings: folds, seed, early stopping and workers. */
final class SpecForm {
    private SpecForm() {
    }

    static void build(ExperimentViewModel model, GridPane specForm, ValidationSupport specValidation) {
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
}
