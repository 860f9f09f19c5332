package io.kinefold.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.monitor.ResourceSample;
import io.kinefold.monitor.WorkerSample;
import io.kinefold.ui.TestWindows;
import io.kinefold.ui.common.AppContext;
import io.kinefold.ui.common.WholeRunChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import io.kinefold.ui.common.SeriesLegend;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The run view's charts fed with samples of a sixteen-core machine and four workers, without a run. */
@ExtendWith(ApplicationExtension.class)
@Tag("slow")
class RunChartsViewTest {
    private AppContext context;
    private RunViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path dir = Files.createTempDirectory("kinefold-run-charts");
        context = new AppContext(dir.resolve("t.db"));
        model = new RunViewModel(context, Platform::runLater);
        TestWindows.show(stage, RunView.create(model), 1280, 600);
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    private void feed(FxRobot robot, int seconds) {
        long start = System.currentTimeMillis();
        robot.interact(() -> {
            for (int s = 0; s <= seconds; s++) {
                Map<String, WorkerSample> workers = new LinkedHashMap<>();
                for (int w = 1; w <= 4; w++) {
                    workers.put("w" + w, new WorkerSample(100 + w, 0.9, 300L << 20));
                }
                double[] cores = new double[16];
                java.util.Arrays.fill(cores, 0.5);
                model.sampled(new ResourceSample(start + s * 1000L, 0.5, cores, 6L << 30, 16L << 30, 0, workers));
            }
        });
    }

    /** The live charts' tab: the Nodes tab has charts of its own. */
    private static javafx.scene.Node liveTab(FxRobot robot) {
        return robot.lookup("#chartTabs").queryAs(javafx.scene.control.TabPane.class).getTabs().get(0).getContent();
    }

    @Test
    void legendsStayVisibleAt1280x600(FxRobot robot) {
        feed(robot, 10);
        WaitForAsyncUtils.waitForFxEvents();

        List<SeriesLegend> legends = robot.from(liveTab(robot)).lookup(".series-legend").queryAllAs(SeriesLegend.class).stream().toList();
        assertThat(legends).hasSize(4);
        assertThat(legends).extracting(SeriesLegend::entries).containsExactlyInAnyOrder(
                List.of("16 cores", "machine"), List.of("memory used"),
                List.of("w1", "w2", "w3", "w4"), List.of("w1", "w2", "w3", "w4"));
        for (SeriesLegend legend : legends) {
            Bounds shown = legend.localToScene(legend.getLayoutBounds());
            assertThat(legend.isVisible()).isTrue();
            assertThat(shown.getHeight()).isGreaterThan(8);
            // inside the window, and every entry at its full width
            assertThat(shown.getMaxY()).isLessThanOrEqualTo(600);
            assertThat(shown.getMaxX()).isLessThanOrEqualTo(1280);
            legend.getChildren().forEach(item -> assertThat(item.getLayoutBounds().getWidth())
                    .isGreaterThanOrEqualTo(((Label) item).prefWidth(-1) - 0.5));
        }
        // the whole run's legend too
        robot.interact(() -> robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        Node whole = robot.lookup("#wholeRunLegend").query();
        Bounds shown = whole.localToScene(whole.getLayoutBounds());
        assertThat(whole.isVisible()).isTrue();
        assertThat(shown.getHeight()).isGreaterThan(8);
        assertThat(shown.getMaxY()).isLessThanOrEqualTo(600);
        assertThat(robot.lookup("#wholeRunChart").queryAs(WholeRunChart.class).legendEntries())
                .contains("machine", "cores", "memory used", "w1", "w4");
    }

    @Test
    void allFourLiveChartsShowTheSameTwoMinuteAxis(FxRobot robot) {
        feed(robot, 137);
        WaitForAsyncUtils.waitForFxEvents();

        List<LineChart<?, ?>> charts = new java.util.ArrayList<>();
        robot.from(liveTab(robot)).lookup(".chart").queryAllAs(LineChart.class).forEach(charts::add);
        assertThat(charts).hasSize(4).allSatisfy(chart -> {
            NumberAxis time = (NumberAxis) chart.getXAxis();
            // the run's clock started when the view model was made, a little before the first sample
            assertThat(time.getUpperBound()).isCloseTo(charts.get(0).getXAxis() instanceof NumberAxis n ? n.getUpperBound() : 0,
                    org.assertj.core.api.Assertions.within(1e-9)).isBetween(137.0, 160.0);
            assertThat(time.getUpperBound() - time.getLowerBound()).isEqualTo(RunViewModel.WINDOW);
            chart.getData().forEach(s -> assertThat(((Number) s.getData().get(0).getXValue()).doubleValue())
                    .isGreaterThanOrEqualTo(time.getLowerBound() - 1e-9));
        });
    }
}
