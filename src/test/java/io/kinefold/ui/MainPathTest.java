package io.kinefold.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.data.synth.DatasetGenerator;
import io.kinefold.ui.common.AppContext;
import io.kinefold.ui.run.WorkerRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench's main path in one window, as a user clicks it: open a dataset, load a spec and
 * change a grid value (the trial count follows; an invalid value is refused with its reason),
 * run it in the pool (progress and chart points arrive), cancel (no worker is left), resume it
 * from History to the end, show it in Results and export its CSV. File dialogs answer at once.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("slow")
class MainPathTest {
    @TempDir
    static Path dir;
    private static Path dataset;
    private static Path specFile;
    private AppContext context;
    private final List<Path> answers = new ArrayList<>();

    @BeforeAll
    static void datasetAndSpec() throws Exception {
        dataset = dir.resolve("six-subjects");
        DatasetGenerator.generate(dataset, new DatasetGenerator.Options(6, 5, 3, 15));
        specFile = dir.resolve("tiny.json");
        Files.writeString(specFile, """
                {"format":"kinefold-experiment/1","name":"main-path","folds":3,"seed":4,
                 "models":[{"model":"start:squat","grid":{"units":[8],"epochs":[3],"batchSize":[64]}}]}""");
    }

    @Start
    void start(Stage stage) throws Exception {
        context = new AppContext(dir.resolve("main-path.db"), Preferences.userRoot().node("io/kinefold/test/main-path"));
        context.preferences().clear();
        // Each dialog takes the next answer.
        context.setFileDialogs((owner, request) -> Optional.ofNullable(answers.isEmpty() ? null : answers.remove(0)));
        new WorkbenchApp(context).start(stage);
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    private static Node tab(FxRobot robot, int index) {
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(index));
        return tabs.getTabs().get(index).getContent();
    }

    private static <T extends Node> T in(FxRobot robot, Node view, String query, Class<T> type) {
        return robot.from(view).lookup(query).queryAs(type);
    }

    private static void type(FxRobot robot, TextField field, String text) {
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void opensDesignsRunsCancelsResumesShowsAndExports(FxRobot robot) throws Exception {
        // Dataset: Open folder… answers with the generated dataset.
        Node datasetView = tab(robot, 0);
        answers.add(dataset);
        robot.clickOn(in(robot, datasetView, "#openButton", Button.class));
        TableView<?> recordings = in(robot, datasetView, "#table", TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> context.datasetProperty().get() != null
                && context.datasetProperty().get().root().equals(dataset.toAbsolutePath().normalize())
                && recordings.getItems().size() == 24);

        // Experiment: open the tiny spec, then change a grid value.
        Node experimentView = tab(robot, 1);
        answers.add(specFile);
        robot.clickOn(in(robot, experimentView, "#openButton", Button.class));
        Label summary = in(robot, experimentView, "#summaryLabel", Label.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> summary.getText().equals("1 model · 1 grid point · 9 trials (6 of baselines)")
                && context.specProperty().get() != null && context.specProperty().get().name().equals("main-path"));
        robot.clickOn("start:squat");
        TextField units = in(robot, experimentView, "#units", TextField.class);
        type(robot, units, "8, 12, 16, 20, 24, 28");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> summary.getText().equals("1 model · 6 grid points · 24 trials (6 of baselines)"));

        type(robot, units, "8, 0");
        assertThat(units.getStyleClass()).contains("invalid");
        assertThat(robot.from(experimentView).lookup(".field-error").queryAllAs(Label.class))
                .anySatisfy(l -> assertThat(l.getText()).isEqualTo("Units per layer: 0 is outside 2–1024"));
        assertThat(context.specProperty().get()).isNull();
        Node runView = tab(robot, 2);
        assertThat(in(robot, runView, "#specLabel", Label.class).getText()).contains("Experiment tab");
        tab(robot, 1);
        type(robot, units, "8, 12, 16, 20, 24, 28");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> context.specProperty().get() != null);

        // Run: two workers in the pool; progress and chart points arrive; cancel leaves no worker.
        runView = tab(robot, 2);
        ComboBox<?> workers = in(robot, runView, "#workersBox", ComboBox.class);
        robot.interact(() -> workers.getEditor().setText("2"));
        robot.clickOn(in(robot, runView, "#poolButton", Button.class));
        ProgressBar progress = in(robot, runView, ".progress-bar", ProgressBar.class);
        LineChart<?, ?> cpu = in(robot, runView, "#cpuChart", LineChart.class);
        TableView<?> workerTable = in(robot, runView, "#workerTable", TableView.class);
        Set<Long> pids = new HashSet<>();
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> {
            workerTable.getItems().forEach(r -> pids.add(((WorkerRow) r).pid()));
            return progress.getProgress() > 0 && !cpu.getData().isEmpty() && !cpu.getData().get(0).getData().isEmpty();
        });
        robot.type(KeyCode.ESCAPE);
        Button cancel = in(robot, runView, "#cancelButton", Button.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, cancel::isDisabled);
        assertThat(in(robot, runView, "#statusLabel", Label.class).getText()).startsWith("Cancelled");
        pids.remove(-1L);
        assertThat(pids).isNotEmpty();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> pids.stream().noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));

        // History: the cancelled run resumes in the Run tab and finishes.
        Node historyView = tab(robot, 4);
        robot.clickOn(in(robot, historyView, "#refreshButton", Button.class));
        TableView<?> runs = in(robot, historyView, "#runTable", TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runs.getItems().size() == 1);
        robot.interact(() -> runs.getSelectionModel().select(0));
        robot.clickOn(in(robot, historyView, "#resumeButton", Button.class));
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        // History checks first that the run may go on (lease, dataset), then hands it to the Run tab.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> tabs.getSelectionModel().getSelectedIndex() == 2);
        Labeled status = in(robot, runView, "#statusLabel", Label.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> status.getText().contains("succeeded: 24 trials"));

        // Results: shown from the Run view, exported as CSV from its menu.
        robot.clickOn(in(robot, runView, "#resultsButton", Button.class));
        assertThat(tabs.getSelectionModel().getSelectedIndex()).isEqualTo(3);
        Node resultsView = tabs.getTabs().get(3).getContent();
        TableView<?> points = in(robot, resultsView, "#pointTable", TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> points.getItems().size() == 6 + 2); // grid points, baselines
        Path csv = dir.resolve("exports").resolve("main-path.csv");
        answers.add(csv);
        MenuButton export = in(robot, resultsView, "#exportButton", MenuButton.class);
        MenuItem csvItem = export.getItems().stream().filter(i -> "export-csv".equals(i.getId())).findFirst().orElseThrow();
        robot.interact(csvItem::fire);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(csv));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("model,grid_point");
        assertThat(lines).filteredOn(l -> l.startsWith("start:squat,")).hasSize(6 + 2); // grid points, baselines
    }
}
