package io.kinefold.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.Await;
import io.kinefold.cluster.NodeProcess;
import io.kinefold.data.DatasetLoader;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.ModelGrid;
import io.kinefold.ui.TestWindows;
import io.kinefold.ui.common.AppContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The run view in cluster mode, driven by the keyboard, on two node JVMs on loopback. */
@ExtendWith(ApplicationExtension.class)
@Tag("slow")
class RunViewClusterTest {
    private static NodeProcess a;
    private static NodeProcess b;
    private AppContext context;
    private RunViewModel model;

    @BeforeAll
    static void twoNodes() throws Exception {
        a = NodeProcess.start(1, null);
        b = NodeProcess.start(1, a);
    }

    @AfterAll
    static void stopNodes() throws Exception {
        b.close();
        a.close();
        assertThat(Await.until(Duration.ofSeconds(20), () -> a.workersLeft().isEmpty() && b.workersLeft().isEmpty())).isTrue();
    }

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("kinefold-cluster-view");
        context = new AppContext(dir.resolve("t.db"), Preferences.userRoot().node("io/kinefold/test/cluster-view"));
        context.preferences().clear();
        model = new RunViewModel(context, Platform::runLater);
        context.datasetProperty().set(DatasetLoader.load(Path.of("datasets/demo")));
        TestWindows.show(stage, RunView.create(model), 1280, 800);
    }

    @AfterEach
    void tearDown() {
        model.cancel();
        context.close();
    }

    private void spec(FxRobot robot, double epochs) {
        robot.interact(() -> context.specProperty().set(new ExperimentSpec(ExperimentSpec.FORMAT, "cluster-view", null, 3, 7, null,
                List.of(new ModelGrid("pose", Map.of("units", List.of(16.0, 32.0), "epochs", List.of(epochs), "batchSize", List.of(32.0)))))));
    }

    private void typeClusterHost(FxRobot robot, String address) {
        TextField field = robot.lookup("#clusterField").queryAs(TextField.class);
        robot.interact(field::clear);
        robot.press(KeyCode.ALT, KeyCode.H).release(KeyCode.H, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.getScene().getFocusOwner()).as("Alt+H goes to the cluster host").isSameAs(field);
        robot.write(address);
    }

    @Test
    void runOnClusterShowsTheNodesLiveInTheNodesTab(FxRobot robot) throws Exception {
        spec(robot, 30);
        typeClusterHost(robot, a.address());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.K).release(KeyCode.SHIFT, KeyCode.CONTROL);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.runningProperty().get());
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !model.runningProperty().get());
        assertThat(model.errorProperty().get()).as(model.errorDetailsProperty().get()).isNull();
        assertThat(model.statusProperty().get()).contains("succeeded");

        TabPane tabs = robot.lookup("#chartTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getText().equals("Nodes")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<NodeRow> nodes = robot.lookup("#nodeTable").queryAs(TableView.class);
        assertThat(nodes.getItems()).extracting(NodeRow::address).containsExactlyInAnyOrder(a.address(), b.address());
        assertThat(nodes.isVisible() && nodes.getHeight() > 60).isTrue();
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> cpu = robot.lookup("#nodeCpuChart").queryAs(LineChart.class);
        assertThat(cpu.getData()).extracting(s -> s.getName()).isNotEmpty().allMatch(n -> n.equals(a.address()) || n.equals(b.address()));
        @SuppressWarnings("unchecked")
        TableView<WorkerRow> workers = robot.lookup("#workerTable").queryAs(TableView.class);
        assertThat(workers.getItems()).extracting(WorkerRow::name).isNotEmpty()
                .allMatch(n -> n.startsWith(a.address() + "/") || n.startsWith(b.address() + "/"));
    }

    @Test
    void escapeEndsAClusterRunOnEveryNode(FxRobot robot) throws Exception {
        spec(robot, 400);
        typeClusterHost(robot, a.address());
        robot.clickOn(robot.lookup("#clusterButton").queryAs(Button.class));
        // Mid-run: trials going on both nodes.
        assertThat(Await.until(Duration.ofSeconds(90), () -> a.workersNow() > 0 && b.workersNow() > 0
                && model.nodeRows().stream().mapToInt(NodeRow::busy).sum() > 0)).isTrue();

        robot.type(KeyCode.ESCAPE);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.runningProperty().get());
        assertThat(model.statusProperty().get()).startsWith("Cancelled");
        assertThat(Await.until(Duration.ofSeconds(20), () -> a.workersNow() == 0 && b.workersNow() == 0))
                .as("no worker left on any node").isTrue();
    }
}
