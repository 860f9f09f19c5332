package io.kinefold.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.ui.TestWindows;
import io.kinefold.ui.common.AppContext;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import io.kinefold.data.Dataset;
import io.kinefold.data.DatasetLoader;
import io.kinefold.data.synth.DatasetGenerator;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.ModelGrid;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
@Tag("slow")
class RunViewTest {
    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("kinefold-run-view");
        context = new AppContext(dir.resolve("t.db"));
        TestWindows.show(stage, RunView.create(new RunViewModel(context, Platform::runLater)), 1100, 700);
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void showsFourUnanimatedChartsAndOnlyCancelsWhileRunning(FxRobot robot) {
        // The four live charts and the Nodes tab's two (a node's CPU and memory).
        assertThat(robot.lookup(".chart").queryAllAs(LineChart.class)).hasSize(6)
                .allSatisfy(chart -> {
                    assertThat(chart.getAnimated()).isFalse();
                    assertThat(chart.getCreateSymbols()).isFalse();
                });
        assertThat(robot.lookup("#cancelButton").queryButton().isDisabled()).isTrue();
        // nothing to run before a dataset and a valid experiment: the Run buttons wait for them
        assertThat(robot.lookup("#poolButton").queryButton().isDisabled()).isTrue();
    }

    @Test
    void startsARunShowsProgressAndChartPointsThenCancelsWithoutLeavingAWorker(FxRobot robot) throws Exception {
        Path data = Files.createTempDirectory("kinefold-run-view-data");
        DatasetGenerator.generate(data, new DatasetGenerator.Options(4, 5, 3, 15));
        Dataset dataset = DatasetLoader.load(data);
        robot.interact(() -> {
            context.datasetProperty().set(dataset);
            context.specProperty().set(new ExperimentSpec(ExperimentSpec.FORMAT, "view-test", null, 3, 7, null, List.of(
                    new ModelGrid("start:squat", Map.of("units", List.of(8.0, 12.0, 16.0, 20.0, 24.0, 28.0, 32.0, 36.0),
                            "epochs", List.of(300.0), "batchSize", List.of(64.0))))));
            context.workersProperty().set("2");
        });
        assertThat(robot.lookup("#specLabel").queryLabeled().getText()).contains("view-test");

        robot.clickOn("#poolButton");
        ProgressBar bar = robot.lookup(".progress-bar").queryAs(ProgressBar.class);
        LineChart<?, ?> cpu = robot.lookup("#cpuChart").queryAs(LineChart.class);
        TableView<?> workers = robot.lookup("#workerTable").queryAs(TableView.class);
        Set<Long> pids = new HashSet<>();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            workers.getItems().forEach(r -> pids.add(((WorkerRow) r).pid()));
            return bar.getProgress() > 0 && !cpu.getData().isEmpty() && !cpu.getData().get(0).getData().isEmpty();
        });
        assertThat(robot.lookup("#progressLabel").queryLabeled().getText()).matches("\\d+ / 30 trials.*");
        assertThat(robot.lookup("#poolButton").queryButton().isDisabled()).isTrue();

        robot.clickOn("#cancelButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#cancelButton").queryButton().isDisabled());

        assertThat(robot.lookup("#statusLabel").queryLabeled().getText()).isEqualTo(RunViewModel.CANCELLED_TEXT);
        pids.remove(-1L);
        assertThat(pids).isNotEmpty();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> pids.stream().noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
    }

    @Test
    void refusesZeroWorkersInPlainWords(FxRobot robot) {
        ComboBox<?> workers = robot.lookup(".combo-box").queryAs(ComboBox.class);
        robot.interact(() -> workers.getEditor().setText("0"));
        WaitForAsyncUtils.waitForFxEvents();

        Button pool = robot.lookup("#poolButton").queryButton();
        assertThat(pool.isDisabled()).isTrue();
        assertThat(robot.lookup(".problem").queryAllAs(Label.class))
                .anySatisfy(l -> assertThat(l.getText()).startsWith("Workers: at least 1"));
    }
}
