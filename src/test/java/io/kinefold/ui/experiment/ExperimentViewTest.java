package io.kinefold.ui.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.monitor.AppInfo;
import io.kinefold.data.Dataset;
import io.kinefold.data.DatasetLoader;
import io.kinefold.ui.TestWindows;
import io.kinefold.ui.common.AppContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import java.util.prefs.Preferences;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
@Tag("slow")
class ExperimentViewTest {
    private static Dataset bundled;
    private AppContext context;

    @BeforeAll
    static void loadBundledDataset() throws Exception {
        bundled = DatasetLoader.load(Path.of(AppInfo.BUNDLED_DATASET));
    }

    @Start
    void start(Stage stage) throws Exception {
        // Preferences of its own: the spec the last session left must not be the user's, nor an earlier test's.
        context = new AppContext(Files.createTempDirectory("kinefold-experiment-view").resolve("t.db"),
                Preferences.userRoot().node("io/kinefold/test/experiment-view"));
        context.preferences().clear();
        context.datasetProperty().set(bundled);
        ExperimentViewModel model = new ExperimentViewModel(context, Platform::runLater);
        TestWindows.show(stage, ExperimentView.create(model, context.fileDialogs()), 1200, 780);
    }

    @AfterEach
    void tearDown() throws Exception {
        context.preferences().clear();
        context.close();
    }

    private static String summary(FxRobot robot) {
        return robot.lookup("#summaryLabel").queryAs(Label.class).getText();
    }

    /** Waits for the quick preset, which loads in the background, and its plan. */
    private void awaitQuickPreset(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> summary(robot).equals("9 models · 82 grid points · 300 trials (54 of baselines)")
                && context.specProperty().get() != null);
    }

    private static void typeInto(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void showsTheModelsAndTheFormOfTheFirst(FxRobot robot) throws Exception {
        awaitQuickPreset(robot);

        TreeView<?> tree = robot.lookup("#modelTree").queryAs(TreeView.class);
        assertThat(tree.getRoot().getChildren()).hasSize(3);
        assertThat(robot.lookup("#units").queryAs(TextField.class).getText()).isEqualTo("48");
        assertThat(robot.lookup("#folds").queryAs(TextField.class).getText()).isEqualTo("3");
        assertThat(robot.lookup("#estimateLabel").queryAs(Label.class).getText()).contains("in one process");
    }

    @Test
    void typingAnotherGridValueChangesTheTrialCount(FxRobot robot) throws Exception {
        awaitQuickPreset(robot);

        typeInto(robot, "#units", "16, 32, 48");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> summary(robot).equals("9 models · 86 grid points · 312 trials (54 of baselines)"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> context.specProperty().get() != null);
        assertThat(context.specProperty().get().models().get(0).grid().get("units")).containsExactly(16.0, 32.0, 48.0);
    }

    @Test
    void anInvalidValueIsRefusedWithItsReasonOnTheField(FxRobot robot) throws Exception {
        awaitQuickPreset(robot);

        typeInto(robot, "#units", "0");

        TextField units = robot.lookup("#units").queryAs(TextField.class);
        assertThat(units.getStyleClass()).contains("invalid");
        assertThat(robot.lookup(".field-error").queryAllAs(Label.class))
                .anySatisfy(l -> {
                    assertThat(l.getText()).isEqualTo("Units per layer: 0 is outside 2–1024");
                    assertThat(l.isVisible()).isTrue();
                });
        assertThat(robot.lookup("#problemsLabel").queryAs(Label.class).getText())
                .contains("pose · Units per layer: 0 is outside 2–1024");
        assertThat(context.specProperty().get()).isNull();

        typeInto(robot, "#units", "32");

        assertThat(units.getStyleClass()).doesNotContain("invalid");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> context.specProperty().get() != null);
    }

    @Test
    void invalidGridFieldIsDecoratedWithItsReason(FxRobot robot) throws Exception {
        awaitQuickPreset(robot);

        typeInto(robot, "#units", "0");

        TextField units = robot.lookup("#units").queryAs(TextField.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> units.getStyleClass().contains("invalid"));
        assertThat(ExperimentView.decorationText(units)).isEqualTo("Units per layer: 0 is outside 2–1024");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(units.getTooltip()).as("the field's tooltip gives the reason").isNotNull();
        assertThat(units.getTooltip().getText()).isEqualTo("Units per layer: 0 is outside 2–1024");
        assertThat(units.getScene().getRoot().getClass().getSimpleName()).as("the scene's root is the view's, not a decoration pane")
                .isNotEqualTo("DecorationPane");

        typeInto(robot, "#folds", "1");
        TextField folds = robot.lookup("#folds").queryAs(TextField.class);
        assertThat(ExperimentView.decorationText(folds)).startsWith("Folds:");

        typeInto(robot, "#units", "32");
        assertThat(ExperimentView.decorationText(units)).isNull();
        assertThat(units.getStyleClass()).doesNotContain("invalid");
        assertThat(units.getTooltip()).isNull();
    }

    @Test
    void copyingAGridIsOfferedOnlyWhenThereIsAModelToCopyTo(FxRobot robot) throws Exception {
        awaitQuickPreset(robot);
        Button copy = robot.lookup("#copyButton").queryAs(Button.class);

        assertThat(copy.isVisible()).as("pose is alone of its kind").isFalse();

        robot.clickOn("start:squat");

        assertThat(copy.isVisible()).isTrue();
        assertThat(copy.getText()).isEqualTo("_Copy this grid to every start model");
    }

    @Test
    void aModelTheDatasetCannotHaveIsShownOffWithItsReason(FxRobot robot, @TempDir Path tmp) throws Exception {
        awaitQuickPreset(robot);
        Dataset squats = ExperimentFixtures.oneExercise(tmp.resolve("squats"), "squat");

        robot.interact(() -> context.datasetProperty().set(squats));
        robot.clickOn("pose");

        assertThat(robot.lookup("#includeBox").queryAs(CheckBox.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#modelDescription").queryAs(Label.class).getText())
                .startsWith("Not on this dataset: pose needs at least two exercises");
        assertThat(robot.lookup("not on this dataset").tryQuery()).isPresent();
        assertThat(robot.lookup("#copyButton").queryAs(Button.class).isVisible()).isFalse();
    }

    @Test
    void whatOpeningAnotherDatasetKeptIsReadWholeBesideAWholeNameField(FxRobot robot, @TempDir Path tmp) throws Exception {
        awaitQuickPreset(robot);
        Dataset squats = ExperimentFixtures.oneExercise(tmp.resolve("squats"), "squat");

        robot.interact(() -> context.datasetProperty().set(squats));
        WaitForAsyncUtils.waitForFxEvents();

        Label status = robot.lookup("#statusLabel").queryAs(Label.class);
        assertThat(status.getText()).startsWith("On squats: kept the grids of").contains("left out");
        // what is drawn, not just what is set: a cut label draws its text with an ellipsis
        javafx.scene.text.Text drawn = (javafx.scene.text.Text) status.lookup(".text");
        assertThat(drawn.getText().replace("\n", " ")).as("the status drawn whole").isEqualTo(status.getText());
        TextField name = robot.lookup("#nameField").queryAs(TextField.class);
        assertThat(name.getWidth()).as("the name field keeps its width").isGreaterThanOrEqualTo(name.prefWidth(-1) - 0.5);
    }

    @Test
    void choosingAModelShowsItsGridAndSpaceTurnsItOff(FxRobot robot) throws Exception {
        awaitQuickPreset(robot);

        robot.clickOn("rep:squat");

        assertThat(robot.lookup("#modelTitle").queryAs(Label.class).getText()).isEqualTo("rep:squat");
        assertThat(robot.lookup("#lstmUnits").queryAs(TextField.class).getText()).isEqualTo("16, 32");

        robot.type(KeyCode.SPACE);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> summary(robot).equals("8 models · 66 grid points · 246 trials (48 of baselines)"));
        assertThat(robot.lookup("#lstmUnits").queryAs(TextField.class).isDisabled()).isTrue();
    }
}
