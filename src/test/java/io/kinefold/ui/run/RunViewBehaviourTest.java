package io.kinefold.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.data.Dataset;
import io.kinefold.data.DatasetLoader;
import io.kinefold.data.synth.DatasetGenerator;
import io.kinefold.exec.CompareWorkflow;
import io.kinefold.exec.MachineState;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.ModelGrid;
import io.kinefold.ui.TestWindows;
import io.kinefold.ui.common.AppContext;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.Path;
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

/**
 * The run view's keys, buttons, warnings and charts as a user meets them (issue 14), on executors
 * that pace trials without training ({@link PacedExecutor}) and a simulated two-core machine.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("slow")
class RunViewBehaviourTest {
    private static final long GB = 1_000_000_000L;
    private static Dataset dataset;

    private AppContext context;
    private RunViewModel model;

    @BeforeAll
    static void generate() throws Exception {
        java.nio.file.Path data = Files.createTempDirectory("kinefold-run-behaviour").resolve("data");
        DatasetGenerator.generate(data, new DatasetGenerator.Options(4, 5, 3, 15));
        dataset = DatasetLoader.load(data);
    }

    @Start
    void start(Stage stage) throws Exception {
        context = new AppContext(Files.createTempDirectory("kinefold-run-behaviour").resolve("t.db"));
        MachineState twoCores = new MachineState(2, 256 * GB, 0.02);
        // every run lasts until cancelled, but a comparison's phases last three seconds each
        model = new RunViewModel(context, Platform::runLater, new RunViewModel.Engine(
                (mode, workload, choice) -> new PacedExecutor(choiceSeconds), new CompareWorkflow.Options(false, false),
                () -> twoCores, twoCores::cpuLoad));
        TestWindows.show(stage, RunView.create(model), 1100, 760);
    }

    private double choiceSeconds = Double.POSITIVE_INFINITY;

    @AfterEach
    void tearDown() {
        model.cancel();
        context.close();
    }

    private void openDatasetAndSpec(FxRobot robot) {
        robot.interact(() -> {
            context.datasetProperty().set(dataset);
            context.specProperty().set(new ExperimentSpec(ExperimentSpec.FORMAT, "keys", null, 3, 7, null, List.of(
                    new ModelGrid("start:squat", Map.of("units", List.of(8.0), "epochs", List.of(2.0), "batchSize", List.of(256.0))))));
            context.workersProperty().set("2");
        });
    }

    @Test
    void runButtonsAreOffWithoutAValidSpec(FxRobot robot) {
        robot.interact(() -> context.datasetProperty().set(dataset));

        for (String id : List.of("#poolButton", "#singleButton", "#compareButton")) {
            Button run = robot.lookup(id).queryButton();
            assertThat(run.isDisabled()).as(id).isTrue();
            assertThat(run.getTooltip().getText()).as(id).contains("fix them in the Experiment tab");
        }
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.runningProperty().get()).isFalse();

        openDatasetAndSpec(robot);
        assertThat(robot.lookup("#poolButton").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#poolButton").queryButton().getTooltip().getText()).contains("Ctrl+R");
    }

    @Test
    void returnInTheWorkersFieldStartsNothing(FxRobot robot) {
        openDatasetAndSpec(robot);

        robot.clickOn(robot.lookup("#workersBox").queryAs(Node.class));
        robot.type(KeyCode.END).type(KeyCode.ENTER);
        robot.clickOn("#trialTimeoutField").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        sleep(300);

        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).isEqualTo("Choose a preset and run it");
    }

    @Test
    void escCancelsWhateverHasFocus(FxRobot robot) throws Exception {
        openDatasetAndSpec(robot);

        // the steps of the report: Return in Workers, Esc, Tab, Ctrl+R, Esc
        robot.clickOn(robot.lookup("#workersBox").queryAs(Node.class));
        robot.type(KeyCode.ENTER).type(KeyCode.ESCAPE).type(KeyCode.TAB);
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.statusProperty().get().startsWith("Running"));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.runningProperty().get());
        assertThat(model.statusProperty().get()).isEqualTo(RunViewModel.CANCELLED_TEXT);

        // again with the focus in the message list, and then in the trial timeout field
        for (String focus : List.of("#messageList", "#workerTable")) {
            robot.clickOn(focus);
            robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.statusProperty().get().startsWith("Running"));
            robot.type(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.runningProperty().get());
            assertThat(model.statusProperty().get()).as(focus).isEqualTo(RunViewModel.CANCELLED_TEXT);
        }
    }

    @Test
    void warnsWhenWorkersExceedCores(FxRobot robot) throws Exception {
        openDatasetAndSpec(robot);
        robot.interact(() -> context.workersProperty().set("4"));

        Label warnings = robot.lookup("#warningsLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, warnings::isVisible);
        assertThat(warnings.getText()).startsWith("⚠ 4 workers on 2 cores").contains("slower");
    }

    @Test
    void saysWhyAOneThreadWorkerUsesMoreThanOneCore(FxRobot robot) {
        Label note = robot.lookup("#workerCpuNote").queryAs(Label.class);

        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).contains("JIT").contains("garbage-collector").contains("100–170 %");
    }

    @Test
    void chartsKeepDrawingInTheSecondPhaseOfACompare(FxRobot robot) throws Exception {
        choiceSeconds = 3;
        openDatasetAndSpec(robot);
        LineChart<?, ?> cpu = robot.lookup("#cpuChart").queryAs(LineChart.class);
        AtomicInteger drawnInPhaseOne = new AtomicInteger(-1);
        robot.interact(() -> model.statusProperty().addListener((obs, old, text) -> {
            if (text.startsWith("Comparison 2 of 2")) {
                drawnInPhaseOne.set(drawn(cpu));
            }
        }));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.statusProperty().get().startsWith("Compared"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(drawnInPhaseOne.get()).as("machine line drawn during phase 1").isGreaterThan(1);
        int points = machine(cpu).getData().size();
        assertThat(drawn(cpu)).as("machine line drawn to its last point in phase 2").isGreaterThanOrEqualTo(points)
                .isGreaterThan(drawnInPhaseOne.get());

        // and the first short pool run after the comparison draws from its start too
        choiceSeconds = 4;
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.statusProperty().get().startsWith("Running"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !cpu.getData().isEmpty() && machine(cpu).getData().size() >= 2);
        sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(drawn(cpu)).as("machine line drawn in the run after a comparison")
                .isGreaterThanOrEqualTo(machine(cpu).getData().size()).isGreaterThan(1);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.runningProperty().get());
    }

    private static XYChart.Series<?, ?> machine(LineChart<?, ?> chart) {
        return chart.getData().get(chart.getData().size() - 1);
    }

    /** Points of the machine's line as drawn: the path's elements, laid out. */
    private static int drawn(LineChart<?, ?> chart) {
        if (chart.getData().isEmpty()) {
            return 0;
        }
        Node line = machine(chart).getNode();
        return line instanceof Path path ? path.getElements().size() : 0;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
