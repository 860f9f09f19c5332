package io.kinefold.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.experiment.RunReport;
import io.kinefold.experiment.TrialResult;
import io.kinefold.exec.RunService;
import io.kinefold.store.Store;
import io.kinefold.ui.TestWindows;
import io.kinefold.ui.common.AppContext;
import io.kinefold.ui.common.FileDialogs;
import io.kinefold.ui.common.WholeRunChart;
import io.kinefold.ui.common.WholeRunData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.scene.chart.Axis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.controlsfx.control.TaskProgressView;
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

/** The Results view explains a run: accuracy against each hyperparameter, folds and learning curves, background work. */
@ExtendWith(ApplicationExtension.class)
@Tag("slow")
class ResultsChartsTest {
    @TempDir
    static Path shared;
    private static FinishedRun run;
    private static RunReport report;

    @TempDir
    Path dir;
    private AppContext context;
    private ResultsViewModel model;

    @BeforeAll
    static void finishARunThatStoppedEarly() throws Exception {
        run = FinishedRun.makeWithCurves(shared);
        try (Store store = Store.open(run.db())) {
            report = new RunService(store).report(run.runId());
        }
    }

    @Start
    void start(Stage stage) {
        context = new AppContext(run.db());
        model = new ResultsViewModel(context, Platform::runLater);
        FileDialogs answersAtOnce = (owner, request) -> Optional.of(dir.resolve("best.zip"));
        TestWindows.show(stage, ResultsView.create(model, answersAtOnce), 1280, 800);
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    private void showRun(FxRobot robot) throws Exception {
        robot.interact(() -> context.shownRunProperty().set(run.runId()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> Long.valueOf(run.runId()).equals(model.runIdProperty().get()) && !model.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void selectTab(FxRobot robot, String id, String text) {
        TabPane tabs = robot.lookup(id).queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(
                tabs.getTabs().stream().filter(t -> t.getText().equals(text)).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The tick labels the axis draws, left to right. */
    private static List<String> tickLabels(Axis<Number> axis) {
        return axis.getChildrenUnmodifiable().stream().filter(n -> n instanceof javafx.scene.text.Text && n.isVisible())
                .map(n -> (javafx.scene.text.Text) n).sorted(java.util.Comparator.comparingDouble(javafx.scene.Node::getLayoutX))
                .map(javafx.scene.text.Text::getText).filter(l -> l != null && !l.isEmpty()).toList();
    }

    private static List<TrialResult> trialsOf(GridPointRow row) {
        return report.trials().stream().filter(t -> t.trial().model().equals(FinishedRun.MODEL)
                && t.trial().gridPoint() == row.gridPoint()).sorted(java.util.Comparator.comparingInt(t -> t.trial().fold())).toList();
    }

    @Test
    void resultsChartsAccuracyAgainstEachHyperparameter(FxRobot robot) throws Exception {
        showRun(robot);
        selectTab(robot, "#sectionTabs", "By hyperparameter");

        List<MarkedChart> charts = robot.lookup(".slice-chart").queryAllAs(MarkedChart.class).stream().toList();
        assertThat(charts).extracting(XYChart::getTitle).containsExactlyInAnyOrder("Accuracy by Units per layer", "Accuracy by Centring");
        MarkedChart centring = charts.stream().filter(c -> c.getTitle().equals("Accuracy by Centring")).findFirst().orElseThrow();
        MarkedChart units = charts.stream().filter(c -> c.getTitle().equals("Accuracy by Units per layer")).findFirst().orElseThrow();
        // A choice reads by its names; the points are coloured by the other hyperparameter.
        assertThat(tickLabels(centring.getXAxis())).containsExactly("neck", "hip");
        assertThat(tickLabels(units.getXAxis())).containsExactly("8", "16");
        assertThat(centring.getData()).extracting(XYChart.Series::getName).containsExactly("Units per layer 8", "Units per layer 16");
        assertThat(units.getData()).extracting(XYChart.Series::getName).containsExactly("Centring neck", "Centring hip");
        assertThat(centring.getData()).allSatisfy(s -> assertThat(s.getData()).hasSize(2));
        // Mean ± sd of each grid point, the best starred, the baselines as reference lines.
        GridPointRow best = model.rows().stream().filter(GridPointRow::best).findFirst().orElseThrow();
        assertThat(units.markedLabel()).isEqualTo("★ best " + best.label() + " " + ResultsViewModel.fixed(best.accuracy().mean(), 3));
        assertThat(units.getData().stream().flatMap(s -> s.getData().stream()).map(d -> d.getYValue().doubleValue()))
                .contains(best.accuracy().mean());
        assertThat(units.acrossLabels()).hasSize(2).anySatisfy(l -> assertThat(l).startsWith("majority "))
                .anySatisfy(l -> assertThat(l).startsWith("nearest "));
        long withSpread = model.rows().stream().filter(r -> !r.baseline() && r.accuracy().sd() > 0).count();
        assertThat(units.errorBars()).isEqualTo((int) withSpread);
        NumberAxis accuracy = (NumberAxis) units.getYAxis();
        assertThat(accuracy.getLowerBound()).isLessThanOrEqualTo(best.accuracy().mean() - best.accuracy().sd());
        assertThat(robot.lookup("#slicesNoteLabel").queryAs(Label.class).getText()).startsWith("Mean accuracy over the folds");
        // Two abreast at 1280 × 800: each chart keeps a readable width.
        assertThat(units.getWidth()).isGreaterThan(350);
        assertThat(units.getHeight()).isGreaterThanOrEqualTo(260);
    }

    /** What a label draws: a label cut to its width draws its text with an ellipsis. */
    private static String drawn(javafx.scene.Node labeled) {
        return ((javafx.scene.text.Text) labeled.lookup(".text")).getText().replace("\n", " ");
    }

    @Test
    void aModelThatDoesNotBeatItsBaselineSaysSoWholeInTheModelList(FxRobot robot) throws Exception {
        showRun(robot);
        String verdict = "best 0.615 — not better than nearest neighbour 0.625";
        robot.interact(() -> model.models().add(new ModelItem(io.kinefold.data.ModelId.parse("rep:shoulder-press"),
                verdict, true, true)));
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.control.ListView<?> list = robot.lookup("#modelList").queryAs(javafx.scene.control.ListView.class);
        Label detail = robot.lookup(".model-detail").queryAllAs(Label.class).stream()
                .filter(l -> verdict.equals(l.getText()) && l.isVisible()).findFirst().orElseThrow();
        assertThat(list.getWidth()).as("a list narrower than the verdict's line").isLessThan(detail.prefWidth(-1) + 40);
        assertThat(drawn(detail)).as("the verdict drawn whole, wrapped").isEqualTo(verdict);
        assertThat(list.lookupAll(".scroll-bar").stream().filter(b -> b instanceof javafx.scene.control.ScrollBar bar
                && bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL).noneMatch(javafx.scene.Node::isVisible))
                .as("no scroll bar under the list").isTrue();
    }

    @Test
    void theHeadersOfManyHyperparametersAreReadWholeAt1280x800(FxRobot robot) throws Exception {
        showRun(robot);
        // the varying hyperparameters of a rep model in the quick preset
        robot.interact(() -> model.paramColumns().setAll(List.of(new ParamColumn("lstmUnits", "LSTM units"),
                new ParamColumn("centring", "Centring"), new ParamColumn("velocities", "Velocities"),
                new ParamColumn("angles", "Joint angles"))));
        WaitForAsyncUtils.waitForFxEvents();

        List<Label> headers = robot.lookup("#pointTable").queryAs(TableView.class).lookupAll(".column-header .label")
                .stream().map(n -> (Label) n).filter(l -> l.getText() != null && !l.getText().isEmpty()).toList();
        assertThat(headers).extracting(Label::getText).contains("LSTM units", "Velocities", "Centring");
        assertThat(headers).allSatisfy(h -> assertThat(drawn(h)).isEqualTo(h.getText().replace("\n", " ")));
    }

    @Test
    void theLearningCurvesTitleAndAxisAreReadWholeAt1280x800(FxRobot robot) throws Exception {
        showRun(robot);
        selectTab(robot, "#detailTabs", "Folds and learning curves");
        MarkedChart curves = robot.lookup("#curvesChart").queryAs(MarkedChart.class);
        // the title of a run without a validation block, the longest the tab writes
        String title = "Loss by epoch, every fold (no validation block: training loss only)";
        robot.interact(() -> curves.setTitle(title));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(curves.getWidth()).as("a chart narrower than its title's line").isLessThan(600);
        assertThat(drawn(curves.lookup(".chart-title"))).isEqualTo(title);
        javafx.scene.Node lossLabel = curves.getYAxis().lookup(".axis-label");
        assertThat(drawn(lossLabel)).isEqualTo(((Label) lossLabel).getText());
    }

    @Test
    void resultsShowsTheWholeRunResourceViewOfAStoredRun(FxRobot robot) throws Exception {
        showRun(robot);
        selectTab(robot, "#sectionTabs", "Resources, whole run");
        WholeRunChart chart = robot.lookup("#wholeRunChart").queryAs(WholeRunChart.class);
        WholeRunData stored;
        try (Store store = Store.open(run.db())) {
            stored = WholeRunData.forStoredRun(store, run.runId());
        }
        // Every trial of the run, by worker, on the run's clock, as the store has them.
        assertThat(stored.trials()).hasSize(report.trials().size());
        assertThat(chart.getData().trials()).isEqualTo(stored.trials());
        assertThat(chart.isVisible() && chart.getWidth() > 400 && chart.getHeight() > 200)
                .as("the chart fills its tab").isTrue();
        assertThat(chart.viewEndProperty().get()).as("fitted to the whole run")
                .isCloseTo(Math.max(stored.duration(), 5), org.assertj.core.data.Offset.offset(0.5));

        // Another run shown, or none: the chart follows; nothing of the first run is left.
        robot.interact(() -> context.shownRunProperty().set(run.runId() + 999));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.runIdProperty().get() == null && !model.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.getData().isEmpty()).isTrue();
    }

    @Test
    void resultsShowsPerFoldDetail(FxRobot robot) throws Exception {
        showRun(robot);
        selectTab(robot, "#detailTabs", "Folds and learning curves");

        @SuppressWarnings("unchecked")
        TableView<FoldRow> folds = robot.lookup("#foldTable").queryAs(TableView.class);
        GridPointRow selected = model.selectedPointProperty().get();
        List<TrialResult> trials = trialsOf(selected);
        assertThat(folds.getItems()).hasSize(2).extracting(FoldRow::fold).containsExactly(0, 1);
        for (int i = 0; i < trials.size(); i++) {
            var m = trials.get(i).metrics();
            assertThat(folds.getItems().get(i)).isEqualTo(new FoldRow(i, trials.get(i).status(), m.accuracy(), m.macroF1(),
                    m.trainSeconds(), m.epochs(), m.curve().bestEpoch(), trials.get(i).worker(), null));
            assertThat(m.curve().bestEpoch()).isBetween(1, m.epochs());
        }
        // Early stopping ended some fold before its 30 epochs, and it kept an epoch before the last.
        assertThat(report.trials()).filteredOn(t -> t.metrics() != null && t.trial().gridPoint() >= 0)
                .anySatisfy(t -> assertThat(t.metrics().epochs()).isLessThan(30))
                .anySatisfy(t -> assertThat(t.metrics().curve().bestEpoch()).isLessThan(t.metrics().epochs()));
        assertThat(robot.lookup("#pointTitleLabel").queryAs(Label.class).getText())
                .isEqualTo("start:squat, " + selected.label() + ": 2 folds");
        assertThat(folds.getColumns()).extracting(c -> c.getText()).containsExactly("Fold", "Accuracy", "Macro-F1",
                "Train\ntime (s)", "Epochs\nrun", "Epoch\nkept", "Status");
        // The rendered cells: the fold's accuracy with three decimals and the epoch it kept.
        assertThat(robot.lookup(".table-cell").queryAllAs(javafx.scene.control.Labeled.class).stream()
                .map(javafx.scene.control.Labeled::getText).toList())
                .contains(ResultsViewModel.fixed(trials.get(0).metrics().accuracy(), 3));
    }

    @Test
    void resultsDrawsTheLearningCurvesOfTheSelectedGridPointWithTheChosenEpochMarked(FxRobot robot) throws Exception {
        showRun(robot);
        selectTab(robot, "#detailTabs", "Folds and learning curves");
        MarkedChart curves = robot.lookup("#curvesChart").queryAs(MarkedChart.class);
        GridPointRow selected = model.selectedPointProperty().get();
        List<TrialResult> trials = trialsOf(selected);

        assertThat(curves.isVisible()).isTrue();
        assertThat(curves.getData()).extracting(XYChart.Series::getName)
                .containsExactly("fold 0 training", "fold 0 validation", "fold 1 training", "fold 1 validation");
        double[] validation = trials.get(0).metrics().curve().validationLoss();
        assertThat(curves.getData().get(1).getData()).hasSize(validation.length);
        assertThat(curves.getData().get(1).getData().get(0).getYValue().doubleValue()).isEqualTo(validation[0]);
        assertThat(curves.getData().get(1).getNode().getStyleClass()).contains("validation-loss");
        assertThat(String.join(" ", curves.downLabels())).contains("epoch " + trials.get(0).metrics().curve().bestEpoch() + " kept")
                .contains("epoch " + trials.get(1).metrics().curve().bestEpoch() + " kept");
        assertThat(robot.lookup(".kept-epoch").queryAll()).hasSize(curves.downLabels().size());

        // One fold alone, then every fold again.
        @SuppressWarnings("unchecked")
        TableView<FoldRow> folds = robot.lookup("#foldTable").queryAs(TableView.class);
        robot.interact(() -> folds.getSelectionModel().select(1));
        assertThat(curves.getData()).extracting(XYChart.Series::getName).containsExactly("fold 1 training", "fold 1 validation");
        assertThat(curves.downLabels()).containsExactly("epoch " + trials.get(1).metrics().curve().bestEpoch() + " kept (fold 1)");
        assertThat(curves.getTitle()).startsWith("Loss by epoch, fold 1");
        robot.clickOn("#allFoldsButton");
        assertThat(curves.getData()).hasSize(4);
        assertThat(robot.lookup("#allFoldsButton").queryAs(Button.class).isDisabled()).isTrue();

        // A baseline trains no network: the chart says so instead of staying blank.
        GridPointRow nearest = model.rows().stream().filter(r -> r.label().equals("nearest")).findFirst().orElseThrow();
        robot.interact(() -> model.selectedPointProperty().set(nearest));
        Label empty = robot.lookup("#curvesEmptyLabel").queryAs(Label.class);
        assertThat(empty.isVisible()).isTrue();
        assertThat(empty.getText()).isEqualTo("The nearest neighbour baseline trains no network, so it has no learning curve.");
        assertThat(curves.isVisible()).isFalse();
    }

    @Test
    void savingTheBestModelShowsTheRefitInTheTaskListUntilItEnds(FxRobot robot) throws Exception {
        showRun(robot);
        @SuppressWarnings("unchecked")
        TaskProgressView<Task<Void>> tasks = robot.lookup("#taskView").queryAs(TaskProgressView.class);
        List<String> listed = new ArrayList<>();
        robot.interact(() -> tasks.getTasks().addListener((ListChangeListener<Task<Void>>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(t -> listed.add(t.getTitle()));
            }
        }));
        assertThat(tasks.isVisible()).isFalse();

        robot.clickOn("#saveModelButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> Files.exists(dir.resolve("best.zip")) && !model.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(listed).containsExactly("Save best start:squat model of run " + run.runId());
        assertThat(tasks.getTasks()).isEmpty();
        assertThat(tasks.isVisible()).isFalse();
        assertThat(model.statusProperty().get()).startsWith("Saved the best start:squat model");
    }

    @Test
    void cancellingTheRefitInTheTaskListStopsItAndWritesNothing(FxRobot robot) throws Exception {
        showRun(robot);
        @SuppressWarnings("unchecked")
        TaskProgressView<Task<Void>> tasks = robot.lookup("#taskView").queryAs(TaskProgressView.class);
        Path out = dir.resolve("cancelled.zip");

        robot.interact(() -> {
            model.saveBestModel(out);
            // As the list's cancel button does.
            tasks.getTasks().get(0).cancel();
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !model.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(out).doesNotExist();
        assertThat(tasks.getTasks()).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo("Cancelled saving the best start:squat model: nothing was written");
    }
}
