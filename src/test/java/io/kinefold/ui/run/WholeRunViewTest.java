package io.kinefold.ui.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kinefold.data.DatasetLoader;
import io.kinefold.data.synth.DatasetGenerator;
import io.kinefold.exec.RunOutcome;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.ModelGrid;
import io.kinefold.store.Store;
import io.kinefold.ui.TestWindows;
import io.kinefold.ui.common.AppContext;
import io.kinefold.ui.common.WholeRunChart;
import io.kinefold.ui.common.WholeRunData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The run view's Whole run tab during a real pool run and after it, from the store. */
@ExtendWith(ApplicationExtension.class)
@Tag("slow")
class WholeRunViewTest {
    private AppContext context;
    private RunViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("kinefold-whole-run");
        // Preferences of its own: nothing an earlier test (or the user) left may shape this run.
        context = new AppContext(dir.resolve("t.db"), Preferences.userRoot().node("io/kinefold/test/whole-run"));
        context.preferences().clear();
        model = new RunViewModel(context, Platform::runLater);
        TestWindows.show(stage, RunView.create(model), 1280, 800);
    }

    @AfterEach
    void tearDown() {
        model.cancel();
        context.close();
    }

    @Test
    void wholeRunChartShowsALiveRunAndAStoredRunAlike(FxRobot robot) throws Exception {
        Path data = Files.createTempDirectory("kinefold-whole-run-data");
        DatasetGenerator.generate(data, new DatasetGenerator.Options(4, 5, 3, 15));
        var dataset = DatasetLoader.load(data);
        WholeRunChart chart = robot.lookup("#wholeRunChart").queryAs(WholeRunChart.class);
        AtomicReference<CompletableFuture<RunOutcome>> run = new AtomicReference<>();
        robot.interact(() -> {
            context.datasetProperty().set(dataset);
            // epochs enough that the run outlasts a few of the monitor's one-second samples
            context.specProperty().set(new ExperimentSpec(ExperimentSpec.FORMAT, "whole-run", null, 3, 7, null, List.of(
                    new ModelGrid("start:squat", Map.of("units", List.of(8.0, 12.0), "epochs", List.of(600.0),
                            "batchSize", List.of(256.0))))));
            context.workersProperty().set("2");
            robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().select(1);
            run.set(model.start(true));
        });

        // live: the tab follows the run as it goes
        try {
            // A quick machine may finish the run before this looks: the chart must have shown it, running or not.
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> chart.getData().machineCpu().measured() >= 2
                    && !chart.getData().trials().isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the live run never showed in the chart: status '" + model.statusProperty().get()
                    + "', error '" + model.errorProperty().get() + "', running " + model.runningProperty().get()
                    + ", samples " + chart.getData().machineCpu().measured() + ", trials " + chart.getData().trials().size(), e);
        }
        assertThat(chart.viewEndProperty().get()).isGreaterThan(0);
        RunOutcome outcome = run.get().get(120, TimeUnit.SECONDS);
        assertThat(outcome).isNotNull();
        AtomicReference<WholeRunData> live = new AtomicReference<>();
        robot.interact(() -> live.set(model.wholeRun()));

        WholeRunData stored;
        try (Store store = Store.open(context.storeFile())) {
            stored = WholeRunData.forStoredRun(store, outcome.runId());
        }
        // finished: the tab shows the run from the store
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> chart.getData().machineCpu().equals(stored.machineCpu()));
        assertThat(chart.legendEntries()).contains("machine", "cores", "memory used");

        // ... and the stored run is the live one: the same samples and workers, the same trials on the
        // same lanes, on a clock that differs only by the moment each calls the start (the live one
        // starts as the button is pressed, the store's once the spec is planned and the run stored)
        WholeRunData l = live.get();
        assertThat(stored.machineCpu().measured()).isEqualTo(l.machineCpu().measured()).isGreaterThanOrEqualTo(2);
        assertThat(stored.machineCpu().values()).containsExactly(l.machineCpu().values());
        assertThat(stored.cores()).hasSameSizeAs(l.cores());
        assertThat(stored.workerCpu()).extracting(WholeRunData.Line::name)
                .containsExactlyElementsOf(l.workerCpu().stream().map(WholeRunData.Line::name).toList());
        double offset = l.machineCpu().times()[0] - stored.machineCpu().times()[0];
        assertThat(offset).isBetween(0.0, 10.0);
        double[] lt = l.machineCpu().times();
        double[] st = stored.machineCpu().times();
        for (int i = 0; i < st.length; i++) {
            assertThat(lt[i] - st[i]).isCloseTo(offset, within(1e-6));
        }
        assertThat(stored.trials()).hasSameSizeAs(l.trials()).hasSize(2 * 3 + 6);
        for (WholeRunData.TrialSpan s : stored.trials()) {
            WholeRunData.TrialSpan match = l.trials().stream()
                    .filter(t -> t.trial().equals(s.trial()) && t.lane().equals(s.lane())).findFirst().orElseThrow();
            // The store keeps a trial's own wall time, so its bar starts when the worker began it, which
            // for a worker's first trial is after it received the dataset; live, it starts as it is handed out.
            // Either reaches the FX thread a little late.
            assertThat(match.start() - offset).isBetween(s.start() - 4, s.start() + 1.5);
            assertThat(match.end() - offset).isCloseTo(s.end(), within(1.0));
        }
        assertThat(stored.lanes()).containsExactlyInAnyOrderElementsOf(l.lanes());
    }
}
