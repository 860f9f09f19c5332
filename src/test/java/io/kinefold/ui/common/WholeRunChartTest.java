package io.kinefold.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kinefold.data.ModelKind;
import io.kinefold.monitor.ResourceSample;
import io.kinefold.ui.TestWindows;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.controlsfx.control.RangeSlider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
@Tag("slow")
class WholeRunChartTest {
    private static final ModelKind POSE = new ModelKind("pose");
    private WholeRunChart chart;

    @Start
    void start(Stage stage) {
        chart = new WholeRunChart();
        TestWindows.show(stage, chart, 1000, 600);
    }

    /** Five minutes of two workers, each running a trial after another. */
    private static WholeRunData fiveMinutes() {
        List<ResourceSample> samples = new ArrayList<>();
        for (int s = 0; s <= 300; s++) {
            samples.add(WholeRunDataTest.sample(s, WholeRunDataTest.workers("w1", 11, "w2", 12)));
        }
        List<WholeRunData.TrialSpan> trials = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            trials.add(new WholeRunData.TrialSpan("w1", "pose#" + k + "/f0", POSE, 30 * k, 30 * k + 28, false));
            trials.add(new WholeRunData.TrialSpan("w2", "pose#" + k + "/f1", POSE, 30 * k + 2, 30 * k + 29, k == 3));
        }
        return WholeRunData.of(WholeRunDataTest.START, samples, trials);
    }

    private double start() { return chart.viewStartProperty().get(); }
    private double end() { return chart.viewEndProperty().get(); }

    @Test
    void wholeRunChartZoomsAndScrolls(FxRobot robot) {
        robot.interact(() -> chart.setData(fiveMinutes()));
        assertThat(start()).isZero();
        assertThat(end()).isEqualTo(300.0);
        RangeSlider slider = robot.lookup("#wholeRunSlider").queryAs(RangeSlider.class);
        assertThat(slider.getMax()).isEqualTo(300.0);

        // + zooms in around the middle
        robot.clickOn(chart.lookup("#wholeRunRange"));
        robot.type(KeyCode.PLUS);
        assertThat(end() - start()).isCloseTo(150, within(1e-6));
        assertThat((start() + end()) / 2).isCloseTo(150, within(1e-6));
        assertThat(slider.getLowValue()).isCloseTo(start(), within(1e-6));
        assertThat(slider.getHighValue()).isCloseTo(end(), within(1e-6));
        assertThat(robot.lookup("#wholeRunRange").queryLabeled().getText()).isEqualTo("75 s – 225 s of 300 s");

        // the arrows scroll by a quarter of the view, and not past the run's end
        robot.type(KeyCode.RIGHT);
        assertThat(start()).isCloseTo(112.5, within(1e-6));
        robot.type(KeyCode.RIGHT, 5);
        assertThat(end()).isEqualTo(300.0);
        robot.type(KeyCode.LEFT);
        assertThat(end()).isCloseTo(262.5, within(1e-6));

        // the mouse wheel zooms in around the pointer, a drag scrolls
        Node canvas = robot.lookup("#wholeRunCanvas").query();
        robot.moveTo(canvas);
        double before = end() - start();
        robot.scroll(2, javafx.geometry.VerticalDirection.UP);
        double zoomed = end() - start();
        assertThat(zoomed).isNotEqualTo(before);
        double left = start();
        robot.drag(canvas, MouseButton.PRIMARY).moveBy(-200, 0).release(MouseButton.PRIMARY);
        assertThat(start()).isGreaterThan(left);
        assertThat(end() - start()).isCloseTo(zoomed, within(1e-6));

        // moving the slider's thumbs sets the view
        robot.interact(() -> {
            slider.setLowValue(10);
            slider.setHighValue(70);
        });
        assertThat(start()).isEqualTo(10.0);
        assertThat(end()).isEqualTo(70.0);

        // − zooms out, Fit (and 0) shows the whole run again
        robot.type(KeyCode.MINUS);
        assertThat(end() - start()).isCloseTo(120, within(1e-6));
        robot.clickOn("#wholeRunFit");
        assertThat(start()).isZero();
        assertThat(end()).isEqualTo(300.0);
        robot.clickOn("#wholeRunZoomIn");
        robot.clickOn(chart.lookup("#wholeRunRange"));
        robot.type(KeyCode.DIGIT0);
        assertThat(end() - start()).isEqualTo(300.0);
    }

    @Test
    void wholeRunChartFollowsALiveRunWhileFittedAndStaysWhereTheUserZoomed(FxRobot robot) {
        List<ResourceSample> samples = new ArrayList<>();
        for (int s = 0; s <= 60; s++) {
            samples.add(WholeRunDataTest.sample(s, WholeRunDataTest.workers("w1", 11)));
        }
        robot.interact(() -> chart.setData(WholeRunData.of(WholeRunDataTest.START, samples, List.of())));
        assertThat(end()).isEqualTo(60.0);
        for (int s = 61; s <= 90; s++) {
            samples.add(WholeRunDataTest.sample(s, WholeRunDataTest.workers("w1", 11)));
        }
        robot.interact(() -> chart.setData(WholeRunData.of(WholeRunDataTest.START, samples, List.of())));
        assertThat(end()).isEqualTo(90.0);

        robot.interact(() -> chart.zoom(0.5, 20));
        double zoomedStart = start();
        double zoomedEnd = end();
        samples.add(WholeRunDataTest.sample(120, WholeRunDataTest.workers("w1", 11)));
        robot.interact(() -> chart.setData(WholeRunData.of(WholeRunDataTest.START, samples, List.of())));
        assertThat(start()).isEqualTo(zoomedStart);
        assertThat(end()).isEqualTo(zoomedEnd);

        robot.interact(() -> chart.show(100, 110));
        assertThat(start()).isEqualTo(100.0);
        assertThat(end()).isEqualTo(110.0);
        // never past the run: 120 s long
        robot.interact(() -> chart.show(100, 500));
        assertThat(start()).isZero();
        assertThat(end()).isEqualTo(120.0);
    }

    @Test
    void legendNamesTheMachineEachWorkerAndTheTrialsAndWrapsInANarrowWindow(FxRobot robot) {
        List<ResourceSample> samples = new ArrayList<>();
        Object[] workers = new Object[24];
        for (int i = 0; i < 12; i++) {
            workers[2 * i] = "pool w" + (i + 1);
            workers[2 * i + 1] = 100 + i;
        }
        for (int s = 0; s <= 30; s++) {
            samples.add(WholeRunDataTest.sample(s, WholeRunDataTest.workers(workers)));
        }
        robot.interact(() -> {
            chart.setData(WholeRunData.of(WholeRunDataTest.START, samples,
                    List.of(new WholeRunData.TrialSpan("pool w1", "pose#0/f0", POSE, 1, 9, true))));
            chart.getScene().getWindow().setWidth(420);
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(chart.legendEntries()).startsWith("machine", "cores", "memory used", "pool w1")
                .contains("pool w12", "pose trial", "failed trial");
        Node legend = robot.lookup("#wholeRunLegend").query();
        Bounds window = chart.getLayoutBounds();
        Bounds shown = legend.getBoundsInParent();
        assertThat(shown.getHeight()).isGreaterThan(30); // more than one row: it wrapped
        assertThat(shown.getMaxX()).isLessThanOrEqualTo(window.getMaxX() + 1);
        assertThat(shown.getMaxY()).isLessThanOrEqualTo(window.getMaxY() + 1);
    }

    @Test
    void aViewZoomedToAFewSecondsLabelsItsAxisInDistinctWholeSeconds() {
        for (double seconds : new double[] {WholeRunChart.MIN_SPAN, 8, 12}) {
            double step = WholeRunPlot.axisStep(seconds, 1200);
            List<String> labels = new ArrayList<>();
            for (double t = 0; t <= seconds + 1e-9; t += step) {
                labels.add(WholeRunChart.time(t));
            }
            assertThat(labels).as("%s s in 1200 px", seconds).hasSizeGreaterThan(2).doesNotHaveDuplicates();
        }
    }
}
