package io.kinefold.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.ui.TestWindows;
import io.kinefold.ui.common.AppContext;
import io.kinefold.ui.common.WholeRunChart;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * History at the sizes issue 14 asks for, less the window's tabs and status bar: 1280×800 and
 * 1920×1080, with the resources pane of the selected run open.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("slow")
class HistoryLayoutTest {
    private AppContext context;
    private NotebookRuns runs;
    private Stage stage;
    private Parent view;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        runs = NotebookRuns.make(Files.createTempDirectory("kinefold-history-layout").resolve("t.db"));
        context = new AppContext(runs.db());
        view = HistoryView.create(new HistoryViewModel(context, Platform::runLater), context.fileDialogs());
        TestWindows.show(stage, view, 1280, 740);
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @SuppressWarnings("unchecked")
    private WholeRunChart openResourcesOfTheSmallRun(FxRobot robot) throws Exception {
        TableView<HistoryRow> table = robot.lookup("#runTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        robot.interact(() -> table.getSelectionModel().select(
                table.getItems().stream().filter(r -> r.id() == runs.small()).findFirst().orElseThrow()));
        robot.interact(() -> robot.lookup("#resourcesPane").queryAs(TitledPane.class).setExpanded(true));
        WholeRunChart chart = robot.lookup("#wholeRunChart").queryAs(WholeRunChart.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !chart.getData().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        return chart;
    }

    private void resize(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theOpenResourcesPaneFitsAt1280x800WithEveryPartOfTheChart(FxRobot robot) throws Exception {
        WholeRunChart chart = openResourcesOfTheSmallRun(robot);

        Bounds shown = chart.localToScene(chart.getLayoutBounds());
        assertThat(chart.getHeight()).as("the chart's own minimum, five lanes that can be read")
                .isGreaterThanOrEqualTo(Math.max(260, chart.minHeight(-1)) - 0.5);
        assertThat(shown.getMaxY()).as("inside the window").isLessThanOrEqualTo(view.getScene().getHeight() + 0.5);
        Node legend = robot.lookup("#wholeRunLegend").query();
        assertThat(legend.localToScene(legend.getLayoutBounds()).getMaxY()).as("the legend is not cut")
                .isLessThanOrEqualTo(shown.getMaxY() + 0.5);
        Node status = robot.lookup("#statusLabel").query();
        assertThat(status.localToScene(status.getLayoutBounds()).getMaxY()).as("nothing pushed out below")
                .isLessThanOrEqualTo(view.getScene().getHeight() + 0.5);
    }

    @Test
    void theOpenResourcesPaneSharesATallWindowWithTheTable(FxRobot robot) throws Exception {
        resize(robot, 1920, 1020);
        WholeRunChart chart = openResourcesOfTheSmallRun(robot);

        assertThat(chart.getHeight()).as("more than its 300 pixels when the window has room").isGreaterThan(400);
        TableView<?> table = robot.lookup("#runTable").queryAs(TableView.class);
        assertThat(table.getHeight()).as("the table keeps a share too").isGreaterThan(250);

        robot.interact(() -> robot.lookup("#resourcesPane").queryAs(TitledPane.class).setExpanded(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getHeight()).as("closed, the table has the room again").isGreaterThan(700);
    }

    @Test
    void theColumnsAreWideEnoughForWhatTheyUsuallyHold(FxRobot robot) throws Exception {
        resize(robot, 1920, 1020);
        TableView<?> table = robot.lookup("#runTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        Labeled cell = robot.lookup(".table-cell").queryAllAs(Labeled.class).stream()
                .filter(c -> c.getText() != null && !c.getText().isEmpty()).findFirst().orElseThrow();

        Map<String, String> usual = Map.of(
                "modeColumn", "compare-single",
                "trialsColumn", "220 / 220",
                "experimentColumn", "quick (modified)",
                "startedColumn", "2026-12-03 17:37",
                "bestColumn", "start 0.81 · rep 0.92 · ⚠ 2 models not better than a baseline",
                "nameColumn", "real, early stopping");
        for (TableColumn<?, ?> column : table.getColumns()) {
            String text = usual.get(column.getId());
            if (text != null) {
                Text measured = new Text(text);
                measured.setFont(cell.getFont());
                double needed = measured.getLayoutBounds().getWidth() + cell.getPadding().getLeft()
                        + cell.getPadding().getRight() + 4;
                assertThat(column.getWidth()).as(column.getText() + " holds \"" + text + "\"").isGreaterThanOrEqualTo(needed);
            }
        }
    }
}
