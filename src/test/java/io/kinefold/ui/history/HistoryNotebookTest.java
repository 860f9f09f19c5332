package io.kinefold.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.store.RunNote;
import io.kinefold.store.Store;
import io.kinefold.ui.TestWindows;
import io.kinefold.ui.common.AppContext;
import io.kinefold.ui.common.WholeRunChart;
import io.kinefold.ui.common.WholeRunData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** History as a lab notebook, driven as a user drives it: columns, filter, sort, notes, Compare selected. */
@ExtendWith(ApplicationExtension.class)
@Tag("slow")
class HistoryNotebookTest {
    private AppContext context;
    private NotebookRuns runs;

    @Start
    void start(Stage stage) throws Exception {
        runs = NotebookRuns.make(Files.createTempDirectory("kinefold-notebook").resolve("t.db"));
        context = new AppContext(runs.db());
        HistoryViewModel model = new HistoryViewModel(context, Platform::runLater);
        TestWindows.show(stage, HistoryView.create(model, context.fileDialogs()), 1280, 800);
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<HistoryRow> table(FxRobot robot) throws Exception {
        TableView<HistoryRow> table = robot.lookup("#runTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        return table;
    }

    private static HistoryRow row(TableView<HistoryRow> table, long id) {
        return table.getItems().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    private static Node rowCell(FxRobot robot, TableView<HistoryRow> table, long id) {
        return robot.lookup(".table-row-cell").nth(table.getItems().indexOf(row(table, id))).queryAs(Node.class);
    }

    /** The texts of one section of the comparison, in reading order. */
    private static List<String> texts(FxRobot robot, String section) {
        return robot.lookup("." + section).queryAllAs(Label.class).stream()
                .sorted(java.util.Comparator.comparingInt((Label l) -> GridPane.getRowIndex(l))
                        .thenComparingInt(l -> GridPane.getColumnIndex(l)))
                .map(Label::getText).toList();
    }

    @Test
    void historyShowsTheWholeRunResourceViewOfTheSelectedStoredRun(FxRobot robot) throws Exception {
        TableView<HistoryRow> table = table(robot);
        WholeRunChart chart = robot.lookup("#wholeRunChart").queryAs(WholeRunChart.class);
        robot.clickOn(rowCell(robot, table, runs.small()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.getData().isEmpty()).as("nothing is read while the pane is closed").isTrue();

        // Opened from the keyboard: Space on its title.
        TitledPane pane = robot.lookup("#resourcesPane").queryAs(TitledPane.class);
        assertThat(pane.getText()).contains("run " + runs.small());
        robot.interact(pane::requestFocus);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pane.isExpanded()).as("Space on the title opens the pane").isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !chart.getData().isEmpty());
        WholeRunData small;
        WholeRunData wider;
        try (Store store = Store.open(runs.db())) {
            small = WholeRunData.forStoredRun(store, runs.small());
            wider = WholeRunData.forStoredRun(store, runs.wider());
        }
        assertThat(pane.isExpanded()).isTrue();
        assertThat(chart.getData().machineCpu()).isEqualTo(small.machineCpu());
        assertThat(chart.getData().machineCpu().measured()).isEqualTo(5);
        assertThat(chart.getHeight()).as("the chart is laid out open").isGreaterThan(150);

        // Another run selected: its own resources (the wider run's machine ran at 75 %, the small one's at 25 %).
        robot.clickOn(rowCell(robot, table, runs.wider()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chart.getData().machineCpu().equals(wider.machineCpu()));
        assertThat(chart.getData().machineCpu().max()).isNotEqualTo(small.machineCpu().max());
        assertThat(pane.getText()).contains("run " + runs.wider());
    }

    @Test
    void theTableShowsDatasetFoldsSeedAndGridOfEachRun(FxRobot robot) throws Exception {
        TableView<HistoryRow> table = table(robot);

        HistoryRow wider = row(table, runs.wider());
        assertThat(wider.dataset()).isEqualTo("wider-set");
        assertThat(wider.folds()).isEqualTo(2);
        assertThat(wider.seed()).isEqualTo(9);
        assertThat(wider.grid()).isEqualTo("3 points");
        assertThat(wider.wallTime()).isEqualTo("0:10");
        assertThat(table.getColumns()).extracting(TableColumn::getText).contains("Dataset", "Spec", "Mode", "Workers",
                "Status", "Duration", "Best accuracy", "Started", "Folds", "Seed", "Grid", "Tags", "Compare");
        assertThat(robot.lookup(".table-cell").queryAll()).extracting(n -> ((javafx.scene.control.Labeled) n).getText())
                .contains("wider-set", "small-set", "3 points", "2 points");
    }

    @Test
    void aCancelledRunsBestIsMarkedPartial(FxRobot robot) throws Exception {
        TableView<HistoryRow> table = table(robot);

        assertThat(row(table, runs.wider()).best()).isEqualTo("start 0.91 (4 of 10 trials)");
        assertThat(row(table, runs.small()).best()).isEqualTo("start 0.82");
        assertThat(robot.lookup(".table-cell").queryAll()).extracting(n -> ((javafx.scene.control.Labeled) n).getText())
                .contains("start 0.91 (4 of 10 trials)");
    }

    @Test
    void renamingARunAndTaggingItIsStored(FxRobot robot) throws Exception {
        TableView<HistoryRow> table = table(robot);
        robot.clickOn(rowCell(robot, table, runs.small()));

        robot.type(KeyCode.F2);
        TextField name = robot.lookup("#nameField").queryAs(TextField.class);
        assertThat(name.isFocused()).as("F2 goes to the name").isTrue();
        robot.write("units sweep");
        robot.type(KeyCode.TAB).write("paper, lr");
        robot.type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> row(table, runs.small()).name().equals("units sweep"));
        assertThat(row(table, runs.small()).tagsText()).isEqualTo("paper, lr");
        try (Store store = Store.open(runs.db())) {
            RunNote note = store.note(runs.small());
            assertThat(note.name()).isEqualTo("units sweep");
            assertThat(note.tags()).containsExactly("paper", "lr");
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".table-cell").queryAll()).extracting(n -> ((javafx.scene.control.Labeled) n).getText())
                .contains("units sweep", "paper, lr");
    }

    @Test
    void historyFiltersByTagAndSortsByDuration(FxRobot robot) throws Exception {
        try (Store store = Store.open(runs.db())) {
            store.saveNote(new RunNote(runs.wider(), "", List.of("paper"), "the busy-machine one", null));
        }
        TableView<HistoryRow> table = table(robot);
        robot.interact(() -> robot.lookup("Refresh").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> row(table, runs.wider()).tagsText().equals("paper"));
        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(Node.class));

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertThat(robot.lookup("#filterField").queryAs(TextField.class).isFocused()).as("Ctrl+F goes to the filter").isTrue();
        robot.write("paper");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        assertThat(table.getItems()).extracting(HistoryRow::id).containsExactly(runs.wider());
        robot.write(" busy");
        assertThat(table.getItems()).extracting(HistoryRow::id).containsExactly(runs.wider());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 2);

        robot.clickOn("Duration");
        assertThat(table.getItems()).extracting(HistoryRow::id).containsExactly(runs.wider(), runs.small());
        robot.clickOn("Duration");
        assertThat(table.getItems()).extracting(HistoryRow::id).containsExactly(runs.small(), runs.wider());
    }

    @Test
    void historyComparesTwoSelectedRunsSideBySide(FxRobot robot) throws Exception {
        TableView<HistoryRow> table = table(robot);
        assertThat(robot.lookup("#compareButton").queryButton().isDisabled()).isTrue();
        robot.clickOn(rowCell(robot, table, runs.small()));
        robot.press(KeyCode.CONTROL).clickOn(rowCell(robot, table, runs.wider())).release(KeyCode.CONTROL);
        assertThat(table.getSelectionModel().getSelectedItems()).hasSize(2);
        assertThat(robot.lookup("#compareButton").queryButton().isDisabled()).isFalse();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#comparisonPane").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(texts(robot, "differencesGrid")).containsSubsequence("seed", "5", "9")
                .containsSubsequence("start:squat · units", "8, 16", "8, 16, 32")
                .doesNotContain("folds", "early stopping")
                .contains("Run " + runs.small() + " · a-small", "Run " + runs.wider() + " · b-wider (cancelled, 4 of 10 trials)");
        assertThat(texts(robot, "timingsGrid"))
                .containsSubsequence("speedup over run " + runs.small(), "1.00×", "2.00×")
                .containsSubsequence("workers", "1", "2");
        assertThat(texts(robot, "model-start-squat"))
                .containsSubsequence("best grid point", "units 16, epochs 1", "units 32, epochs 1")
                .containsSubsequence("accuracy (mean ± sd)", "0.820 ± 0.028", "0.910 ± 0.014")
                .contains("majority class", "nearest neighbour");
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> cpu = robot.lookup("#cpuChart").queryAs(LineChart.class);
        assertThat(cpu.getData()).hasSize(2);
        assertThat(cpu.getData().get(0).getData()).hasSize(5);
        assertThat(cpu.getData().get(0).getData().get(0).getXValue().doubleValue()).isEqualTo(1.0);
        assertThat(cpu.getData().get(1).getData().get(0).getYValue().doubleValue()).isEqualTo(75.0);
        javafx.scene.chart.NumberAxis share = (javafx.scene.chart.NumberAxis) cpu.getYAxis();
        assertThat(share.getLowerBound()).isZero();
        assertThat(share.getUpperBound()).as("a share of the machine, whatever it measured").isEqualTo(100.0);
        assertThat(robot.lookup("#memoryChart").tryQuery()).isPresent();
    }

    @Test
    void altCComparesTheSelectedRunsAndEscClosesTheComparison(FxRobot robot) throws Exception {
        TableView<HistoryRow> table = table(robot);
        robot.clickOn(rowCell(robot, table, runs.wider()));
        robot.press(KeyCode.SHIFT).clickOn(rowCell(robot, table, runs.small())).release(KeyCode.SHIFT);

        robot.press(KeyCode.ALT, KeyCode.C).release(KeyCode.C, KeyCode.ALT);

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#comparisonPane").tryQuery()
                .map(n -> n.getScene().getWindow().isShowing()).orElse(false));
        javafx.stage.Window comparison = robot.lookup("#comparisonPane").query().getScene().getWindow();
        robot.targetWindow(comparison).type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !comparison.isShowing());
    }

    @Test
    void returnInTheDeleteConfirmationKeepsTheRun(FxRobot robot) throws Exception {
        TableView<HistoryRow> table = table(robot);
        robot.clickOn(rowCell(robot, table, runs.small()));
        robot.clickOn("#deleteButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());

        robot.type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        try (Store store = Store.open(runs.db())) {
            assertThat(store.run(runs.small())).as("Cancel is the default: Return must not delete").isPresent();
        }
        assertThat(table.getItems()).hasSize(2);
    }
}
