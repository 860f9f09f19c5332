package io.kinefold.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.ui.TestWindows;
import io.kinefold.ui.common.AppContext;
import io.kinefold.ui.common.FileDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
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

@ExtendWith(ApplicationExtension.class)
@Tag("slow")
class ResultsViewTest {
    @TempDir
    static Path shared;
    private static FinishedRun run;

    @TempDir
    Path dir;
    private AppContext context;
    private ResultsViewModel model;
    private Path nextReportFile;

    @BeforeAll
    static void finishARun() throws Exception {
        run = FinishedRun.make(shared);
    }

    @Start
    void start(Stage stage) {
        context = new AppContext(run.db());
        model = new ResultsViewModel(context, Platform::runLater);
        FileDialogs answersAtOnce = (owner, request) -> Optional.ofNullable(
                request.kind() == FileDialogs.Kind.FOLDER ? dir.resolve("charts") : nextReportFile);
        TestWindows.show(stage, ResultsView.create(model, answersAtOnce), 1200, 800);
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<GridPointRow> pointTable(FxRobot robot) {
        return robot.lookup("#pointTable").queryAs(TableView.class);
    }

    private void showRun(FxRobot robot, long id) throws Exception {
        robot.interact(() -> context.shownRunProperty().set(id));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> Long.valueOf(id).equals(model.runIdProperty().get()) && !model.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> texts(GridPane grid) {
        return grid.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void saysHowToOpenARunWhileNoneIsOpen(FxRobot robot) {
        Label empty = robot.lookup("#emptyLabel").queryAs(Label.class);
        assertThat(empty.isVisible()).isTrue();
        assertThat(empty.getText()).isEqualTo("No run open — open one from History or finish a run");
        assertThat(robot.lookup("#exportButton").queryAs(MenuButton.class).isDisabled()).isTrue();
    }

    @Test
    void showsTheGridPointsWithTheBestHighlightedAndTheConfusionMatrixOfTheSelectedRow(FxRobot robot) throws Exception {
        showRun(robot, run.runId());

        TableView<GridPointRow> table = pointTable(robot);
        assertThat(table.getItems()).hasSize(2 + 2); // grid points, baselines
        assertThat(table.getColumns()).extracting(c -> c.getText()).containsExactly("Grid\npoint", "Units\nper layer",
                "Accuracy\nmean ± sd", "Macro-F1\nmean ± sd", "Train time\nper fold (s)", "Train time\ntotal (s)",
                "Folds\ndone", "Folds\nfailed");
        GridPointRow best = table.getSelectionModel().getSelectedItem();
        assertThat(best.best()).isTrue();
        List<Node> bestRows = robot.lookup(".table-row-cell").queryAll().stream()
                .filter(n -> n.getPseudoClassStates().contains(PseudoClass.getPseudoClass("best"))).toList();
        assertThat(bestRows).hasSize(1);
        assertThat(((TableRow<?>) bestRows.get(0)).getItem()).isEqualTo(best);
        Label title = robot.lookup("#confusionTitle").queryAs(Label.class);
        assertThat(title.getText()).isEqualTo("Confusion matrix of start:squat, " + best.label());
        GridPane grid = robot.lookup("#confusionGrid").queryAs(GridPane.class);
        assertThat(texts(grid)).contains("actual ↓   predicted →", "Samples");
        assertThat(robot.lookup("#significanceLabel").queryAs(Label.class).getText()).startsWith("Best " + best.label());

        int other = table.getItems().indexOf(table.getItems().stream().filter(r -> !r.best()).findFirst().orElseThrow());
        robot.interact(() -> table.getSelectionModel().select(other));

        GridPointRow selected = table.getItems().get(other);
        assertThat(model.selectedPointProperty().get()).isEqualTo(selected);
        assertThat(title.getText()).isEqualTo("Confusion matrix of start:squat, " + selected.label());
        ConfusionMatrix matrix = model.confusionProperty().get();
        assertThat(texts(grid)).contains(matrix.count(0, 0) + "\n" + matrix.percentText(0, 0));
        assertThat(robot.lookup("#sectionTabs").queryAs(TabPane.class).getTabs()).extracting(t -> t.getText())
                .containsExactly("Grid points", "By hyperparameter", "Resources, whole run");
    }

    @Test
    void exportsTheOpenRunAsCsvFromTheMenuAndWithCtrlE(FxRobot robot) throws Exception {
        showRun(robot, run.runId());
        Path fromMenu = dir.resolve("menu.csv");
        nextReportFile = fromMenu;
        MenuButton export = robot.lookup("#exportButton").queryAs(MenuButton.class);
        assertThat(export.isDisabled()).isFalse();
        assertThat(export.getItems()).extracting(MenuItem::getText)
                .containsExactly("CSV…", "Markdown…", "LaTeX…", "JSON…", "HTML…", null, "Charts as PNG…");

        MenuItem csv = export.getItems().get(0);
        @SuppressWarnings("unchecked")
        org.controlsfx.control.TaskProgressView<javafx.concurrent.Task<Void>> tasks =
                robot.lookup("#taskView").queryAs(org.controlsfx.control.TaskProgressView.class);
        List<String> listed = new java.util.ArrayList<>();
        robot.interact(() -> tasks.getTasks().addListener(
                (javafx.collections.ListChangeListener<javafx.concurrent.Task<Void>>) c -> {
                    while (c.next()) {
                        c.getAddedSubList().forEach(t -> listed.add(t.getTitle()));
                    }
                }));
        robot.interact(csv::fire);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Files.exists(fromMenu) && !model.loadingProperty().get());

        List<String> lines = Files.readAllLines(fromMenu);
        assertThat(lines.get(0)).startsWith("model,grid_point,");
        assertThat(lines).hasSize(3 + 2).allSatisfy(l -> assertThat(l.split(",", -1)).hasSameSizeAs(lines.get(0).split(",", -1)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).isEqualTo("Wrote " + fromMenu.toAbsolutePath());
        // The export was listed in the task list while it ran, and left it when done.
        assertThat(listed).containsExactly("Export of run " + run.runId() + " as CSV");
        assertThat(tasks.getTasks()).isEmpty();

        Path fromKeys = dir.resolve("keys.csv");
        nextReportFile = fromKeys;
        robot.clickOn("#pointTable");
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Files.exists(fromKeys) && !model.loadingProperty().get());
        assertThat(Files.readString(fromKeys)).isEqualTo(Files.readString(fromMenu));

        // Hidden, as behind another tab: the scene's Ctrl+E must not export from there.
        Path hidden = dir.resolve("hidden.csv");
        nextReportFile = hidden;
        Node view = robot.lookup("#pointTable").queryAs(Node.class).getScene().getRoot();
        robot.interact(() -> view.setVisible(false));
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500);
        assertThat(hidden).doesNotExist();
        robot.interact(() -> view.setVisible(true));
    }

    @Test
    void showsTheComparisonTabOnlyForARunThatTookPartInOne(FxRobot robot) throws Exception {
        long[] ids = run.storeComparison();

        showRun(robot, ids[1]);

        TabPane tabs = robot.lookup("#sectionTabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(t -> t.getText()).containsExactly("Grid points", "By hyperparameter", "Resources, whole run",
                "Comparison");
        robot.interact(() -> tabs.getSelectionModel().select(1));
        @SuppressWarnings("unchecked")
        TableView<ComparisonData.TimingRow> totals = robot.lookup("#totalsTable").queryAs(TableView.class);
        assertThat(totals.getItems()).hasSize(7);
        assertThat(totals.getColumns()).extracting(c -> c.getText())
                .containsExactly("Measure", ResultsView.twoLines("Single process, run " + ids[0]),
                        ResultsView.twoLines("Pool, run " + ids[1] + " (this run)"));

        showRun(robot, run.runId());

        assertThat(tabs.getTabs()).extracting(t -> t.getText())
                .containsExactly("Grid points", "By hyperparameter", "Resources, whole run");
    }

    @Test
    void comparisonTimingTableShowsEveryRowWithoutANestedScrollBar(FxRobot robot) throws Exception {
        long[] ids = run.storeComparison(7);

        showRun(robot, ids[1]);
        TabPane tabs = robot.lookup("#sectionTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().size() - 1));
        WaitForAsyncUtils.waitForFxEvents();

        for (String id : List.of("#perPointTable", "#totalsTable")) {
            TableView<?> table = robot.lookup(id).queryAs(TableView.class);
            int rows = 7;
            assertThat(table.getItems()).as(id).hasSize(rows);
            // Every row drawn, none cut, no empty row trailing, and no scroll bar of its own.
            List<Node> drawn = robot.from(table).lookup(".table-row-cell").queryAll().stream()
                    .filter(r -> r.isVisible() && ((TableRow<?>) r).getItem() != null).toList();
            assertThat(drawn).as(id).hasSize(rows);
            assertThat(robot.from(table).lookup(".scroll-bar").queryAllAs(javafx.scene.control.ScrollBar.class))
                    .as(id).noneMatch(bar -> bar.isVisible() && bar.getOrientation() == javafx.geometry.Orientation.VERTICAL);
            double bottom = drawn.stream().mapToDouble(r -> r.localToScene(r.getBoundsInLocal()).getMaxY()).max().orElseThrow();
            assertThat(bottom).as(id).isLessThanOrEqualTo(table.localToScene(table.getBoundsInLocal()).getMaxY());
            assertThat(table.getHeight()).as(id).isLessThan(drawn.get(0).getBoundsInLocal().getHeight() * (rows + 3));
        }
    }
}
