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
import javafx.stage.Stage;
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
        context = new AppContext(Files.createTempDirectory("kinefold-experiment-view").resolve("t.db"));
        context.datasetProperty().set(bundled);
        ExperimentViewModel model = new ExperimentViewModel(context, Platform::runLater);
        TestWindows.show(stage, ExperimentView.create(model, context.fileDialogs()), 1200, 780);
    }

    @AfterEach
    void tearDown() {
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
