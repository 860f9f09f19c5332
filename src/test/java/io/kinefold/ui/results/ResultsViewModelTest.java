package io.kinefold.ui.results;

import io.kinefold.exec.ComparisonResult;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinefold.data.ModelId;
import io.kinefold.exec.RunService;
import io.kinefold.experiment.GridPointSummary;
import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.Provenance;
import io.kinefold.experiment.RunReport;
import io.kinefold.experiment.Significance;
import io.kinefold.experiment.SpecIo;
import io.kinefold.experiment.Stat;
import io.kinefold.kind.PoseKind;
import io.kinefold.report.Comparison;
import io.kinefold.report.ExportFormat;
import io.kinefold.store.Store;
import io.kinefold.ui.common.AppContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class ResultsViewModelTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    static Path shared;
    private static FinishedRun run;
    private static RunReport expected;

    @TempDir
    Path dir;
    private AppContext context;

    @BeforeAll
    static void finishARun() throws Exception {
        run = FinishedRun.make(shared);
        try (Store store = Store.open(run.db())) {
            expected = new RunService(store).report(run.runId());
        }
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    private ResultsViewModel model(Path db) {
        context = new AppContext(db);
        return new ResultsViewModel(context, Runnable::run);
    }

    private ResultsViewModel opened() throws Exception {
        ResultsViewModel model = model(run.db());
        model.open(run.runId()).get(60, TimeUnit.SECONDS);
        return model;
    }

    private static ModelSummary expectedModel() {
        return expected.models().stream().filter(m -> m.model().equals(FinishedRun.MODEL)).findFirst().orElseThrow();
    }

    @Test
    void opensAFinishedRunWithItsHeaderAndModels() throws Exception {
        ResultsViewModel model = opened();

        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.runIdProperty().get()).isEqualTo(run.runId());
        assertThat(model.headerProperty().get()).startsWith("Run " + run.runId() + " · results-test · single, 1 worker")
                .contains("succeeded").endsWith("8 / 8 trials"); // 4 of networks, 4 of baselines
        assertThat(model.models()).extracting(ModelItem::model).containsExactly(FinishedRun.MODEL);
        assertThat(model.models().get(0).label()).matches("start:squat — best 0\\.\\d{3}( · (majority|nearest) | — not better than .+ )0\\.\\d{3}");
        assertThat(model.selectedModelProperty().get()).isEqualTo(model.models().get(0));
        assertThat(model.paramColumns()).extracting(ParamColumn::label)
                .containsExactly("Units per layer");
        assertThat(model.modelNoteProperty().get()).startsWith("2 classes (")
                .contains("same on every grid point: ").contains("Batch size 256").contains("Epochs 1");
        assertThat(model.rows()).extracting(GridPointRow::gridPoint).containsExactly(0, 1, -1, -2);
        assertThat(model.rows()).extracting(r -> r.param("units")).containsExactly(8.0, 16.0, null, null);
        assertThat(model.statusProperty().get()).isEqualTo("Run " + run.runId() + ": 1 model");
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    void flagsTheSummarysBestAndSelectsItFirst() throws Exception {
        ResultsViewModel model = opened();

        int best = expectedModel().bestPoint().gridPoint();
        assertThat(model.rows()).filteredOn(GridPointRow::best).extracting(GridPointRow::gridPoint).containsExactly(best);
        assertThat(model.selectedPointProperty().get().gridPoint()).isEqualTo(best);
        GridPointRow row = model.selectedPointProperty().get();
        assertThat(row.accuracy()).isEqualTo(expectedModel().bestPoint().accuracy());
        assertThat(row.folds() + row.failedFolds()).isEqualTo(2);
    }

    @Test
    void chartsAccuracyAgainstTheVaryingHyperparameterAndDetailsTheSelectedGridPointFoldByFold() throws Exception {
        ResultsViewModel model = opened();

        assertThat(model.slices()).extracting(SliceChart::title).containsExactly("Accuracy by Units per layer");
        SliceChart units = model.slices().get(0);
        assertThat(units.values()).containsExactly("8", "16");
        assertThat(units.best().label()).isEqualTo("g" + expectedModel().bestPoint().gridPoint());
        assertThat(units.baselines()).extracting(SliceChart.Reference::name).containsExactly("majority", "nearest");
        // One varying hyperparameter: nothing else to colour by.
        assertThat(model.colourChoices()).isEmpty();

        GridPointRow best = model.selectedPointProperty().get();
        assertThat(model.foldRows()).extracting(FoldRow::fold).containsExactly(0, 1);
        assertThat(model.foldRows()).allSatisfy(f -> {
            assertThat(f.epochs()).isEqualTo(1);
            assertThat(f.chosenEpoch()).isEqualTo(1);
        });
        assertThat(model.pointTitleProperty().get()).isEqualTo("start:squat, " + best.label() + ": 2 folds");
        // Trained one epoch without early stopping: a training loss a fold, no validation loss.
        LearningCurves curves = model.curvesProperty().get();
        assertThat(curves.lines()).extracting(LearningCurves.Line::name).containsExactly("fold 0 training", "fold 1 training");
        assertThat(curves.hasValidation()).isFalse();

        model.curveFoldProperty().set(1);
        assertThat(model.curvesProperty().get().lines()).extracting(LearningCurves.Line::fold).containsExactly(1);

        model.selectedPointProperty().set(model.rows().stream().filter(GridPointRow::baseline).findFirst().orElseThrow());
        assertThat(model.curveFoldProperty().get()).isNull();
        assertThat(model.curvesProperty().get().emptyText()).endsWith("trains no network, so it has no learning curve.");
        assertThat(model.foldRows()).hasSize(2).allSatisfy(f -> assertThat(f.chosenEpoch()).isZero());
    }

    @Test
    void confusionMatrixOfTheSelectedGridPointCountsEveryTestSampleOnce() throws Exception {
        ResultsViewModel model = opened();
        int samples = run.prepared().workload().samples(FinishedRun.MODEL);

        ConfusionMatrix best = model.confusionProperty().get();
        assertThat(best.classes()).isEqualTo(expectedModel().classes());
        assertThat(best.total()).isEqualTo(samples);

        GridPointRow other = model.rows().stream().filter(r -> !r.best()).findFirst().orElseThrow();
        model.selectedPointProperty().set(other);

        ConfusionMatrix shown = model.confusionProperty().get();
        assertThat(shown.title()).isEqualTo("start:squat, g" + other.gridPoint());
        assertThat(shown.total()).isEqualTo(samples);
        int[][] counts = expectedModel().points().get(other.gridPoint()).confusion();
        assertThat(shown.count(0, 0)).isEqualTo(counts[0][0]);
        assertThat(shown.count(1, 0)).isEqualTo(counts[1][0]);
    }

    @Test
    void significanceSentenceNamesBestAndRunnerUpAndTheVerdict() throws Exception {
        ResultsViewModel model = opened();

        Significance s = expectedModel().significance();
        assertThat(s).isNotNull();
        assertThat(model.significanceProperty().get())
                .startsWith("Best g" + s.best() + " beats runner-up g" + s.runnerUp() + " by ")
                .contains("corrected t = ")
                .contains(s.significant() ? ": significant at 0.05.\n" : ": not significant at 0.05, so the lead may be chance.\n");
        assertThat(model.significanceProperty().get().lines().skip(1).findFirst().orElseThrow())
                .isEqualTo(GridPointTable.baselineText(expectedModel()));
    }

    @Test
    void significanceSaysWhenThereIsNothingToTest() {
        ModelId pose = PoseKind.id();
        GridPointSummary only = new GridPointSummary(pose, 0, Map.of("units", 8.0), new Stat(0.8, 0.1),
                new Stat(0.7, 0.1), 1, 2, 2, 0, new int[][] {{1, 0}, {0, 1}});
        assertThat(GridPointTable.significanceText(new ModelSummary(pose, List.of("a", "b"), 0.5, List.of(only), 0, null)))
                .isEqualTo("Only one grid point: there is nothing to test it against.");
        assertThat(GridPointTable.significanceText(new ModelSummary(pose, List.of("a", "b"), 0.5, List.of(only), -1, null)))
                .startsWith("No grid point has a successful fold");
        assertThat(GridPointTable.significanceText(new ModelSummary(pose, List.of("a", "b"), 0.5, List.of(only, only), 1,
                new Significance(1, 0, 0.0341, 2.5, 0.03, true))))
                .isEqualTo("Best g1 beats runner-up g0 by 0.034 accuracy (corrected t = 2.50, p = 0.030): significant at 0.05.");
    }

    @Test
    void exportsTheShownRunAsCsvThatParses() throws Exception {
        ResultsViewModel model = opened();
        Path out = dir.resolve("exports").resolve(model.suggestedName(ExportFormat.CSV));

        model.export(ExportFormat.CSV, out).get(60, TimeUnit.SECONDS);

        assertThat(model.statusProperty().get()).isEqualTo("Wrote " + out.toAbsolutePath());
        assertThat(out.getFileName().toString()).isEqualTo("run-" + run.runId() + ".csv");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(3 + 2); // grid points, baselines
        List<String> header = Arrays.asList(lines.get(0).split(","));
        assertThat(header).startsWith("model", "grid_point").contains("accuracy_mean", "best");
        int bestColumn = header.indexOf("best");
        int accuracyColumn = header.indexOf("accuracy_mean");
        for (String line : lines.subList(1, 3)) {
            String[] cells = line.split(",", -1);
            assertThat(cells).hasSize(header.size());
            assertThat(cells[0]).isEqualTo("start:squat");
            double accuracy = Double.parseDouble(cells[accuracyColumn]);
            assertThat(accuracy).isBetween(0.0, 1.0);
            int g = Integer.parseInt(cells[1]);
            assertThat(cells[bestColumn]).isEqualTo(g == expectedModel().bestPoint().gridPoint() ? "yes" : "no");
        }
    }

    @Test
    void savesTheSelectedModelsBestGridPointAsAModelFileAndSaysWhere() throws Exception {
        ResultsViewModel model = opened();
        Path out = dir.resolve(model.suggestedModelName());
        List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
        model.statusProperty().addListener((obs, old, text) -> said.add(text));

        model.saveBestModel(out).get(120, TimeUnit.SECONDS);

        assertThat(out.getFileName().toString()).isEqualTo("run-" + run.runId() + "-start-squat.zip");
        assertThat(model.statusProperty().get()).startsWith("Saved the best start:squat model (grid point "
                + expectedModel().bestPoint().gridPoint()).contains(out.toAbsolutePath().toString());
        assertThat(said).anyMatch(text -> text.startsWith("Training start:squat"));
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(io.kinefold.exec.ModelFile.read(out).info().model()).isEqualTo("start:squat");
        assertThat(dir.resolve("run-" + run.runId() + "-start-squat.json")).exists();
    }

    @Test
    void aModelThatCannotBeSavedSaysWhyInTheStatus() throws Exception {
        ResultsViewModel model = opened();

        model.saveBestModel(dir).get(60, TimeUnit.SECONDS);

        assertThat(model.statusProperty().get()).contains("is a folder");
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    void refusesToExportOverASymbolicLinkAndSaysSo() throws Exception {
        ResultsViewModel model = opened();
        Path precious = Files.writeString(dir.resolve("precious.txt"), "keep me");
        Path link = Files.createSymbolicLink(dir.resolve("run.csv"), precious);

        model.export(ExportFormat.CSV, link).get(60, TimeUnit.SECONDS);

        assertThat(model.statusProperty().get()).contains("symbolic link").contains("refused");
        assertThat(Files.readSymbolicLink(link)).isEqualTo(precious);
        assertThat(precious).hasContent("keep me");
    }

    @Test
    void exportsTheChartsAsPngFilesWithClearNames() throws Exception {
        ResultsViewModel model = opened();
        Path folder = dir.resolve("charts");

        model.exportCharts(folder).get(60, TimeUnit.SECONDS);

        Path accuracy = folder.resolve("run-" + run.runId() + "-accuracy-start-squat.png");
        assertThat(accuracy).exists();
        assertThat(Arrays.copyOf(Files.readAllBytes(accuracy), 8)).isEqualTo(PNG_MAGIC);
        try (var files = Files.list(folder)) {
            List<Path> written = files.toList();
            assertThat(written).allSatisfy(f -> {
                assertThat(f.getFileName().toString()).startsWith("run-" + run.runId() + "-").endsWith(".png");
                assertThat(Arrays.copyOf(Files.readAllBytes(f), 8)).isEqualTo(PNG_MAGIC);
            });
            assertThat(model.statusProperty().get())
                    .startsWith("Wrote " + written.size() + " chart")
                    .contains("run-" + run.runId() + "-accuracy-start-squat.png");
        }
    }

    @Test
    void aMissingRunIsReportedInPlainWords() throws Exception {
        ResultsViewModel model = opened();

        model.open(9999).get(60, TimeUnit.SECONDS);

        assertThat(model.errorProperty().get()).isEqualTo("There is no run 9999 in the run history; it may have been deleted");
        assertThat(model.errorDetailsProperty().get()).contains(run.db().getFileName().toString());
        assertThat(model.runIdProperty().get()).isNull();
        assertThat(model.headerProperty().get()).isEqualTo(ResultsViewModel.EMPTY_TEXT);
        assertThat(model.models()).isEmpty();
        assertThat(model.rows()).isEmpty();
        assertThat(model.confusionProperty().get()).isNull();
    }

    @Test
    void aRunWhoseDatasetMovedSaysSoWithDetailsOnDemand() throws Exception {
        Path db = dir.resolve("moved.db");
        long id;
        try (Store store = Store.open(db)) {
            long experiment = store.createExperiment(SpecIo.readResource("quick"));
            id = store.createRun(experiment, "pool", 2, dir.resolve("gone").toString(),
                    new Provenance("test", "17", "1.0", "linux", "cpu", 2, 1L << 30, "fp"), 6);
        }
        ResultsViewModel model = model(db);

        model.open(id).get(60, TimeUnit.SECONDS);

        assertThat(model.errorProperty().get())
                .isEqualTo("Run " + id + " cannot be shown: its dataset cannot be read — was it moved or deleted?");
        assertThat(model.errorDetailsProperty().get()).isNotBlank();
        assertThat(model.runIdProperty().get()).isNull();
    }

    @Test
    void opensTheRunTheAppAsksToShow() throws Exception {
        ResultsViewModel model = model(run.db());

        context.shownRunProperty().set(run.runId());

        // open() runs on the context's executor; wait for it to be applied, however long it takes.
        for (int i = 0; i < 600 && (model.runIdProperty().get() == null || model.loadingProperty().get()); i++) {
            Thread.sleep(100);
        }
        assertThat(model.runIdProperty().get()).isEqualTo(run.runId());
        assertThat(model.rows()).hasSize(2 + 2); // grid points, baselines
    }

    @Test
    void readsTheStoredComparisonIntoSideBySideTablesAndCharts() throws Exception {
        long[] ids = run.storeComparison();
        ResultsViewModel model = model(run.db());

        model.open(ids[1]).get(60, TimeUnit.SECONDS);

        ComparisonData data = model.comparisonProperty().get();
        assertThat(data).isNotNull();
        assertThat(data.singleHeader()).isEqualTo("Single process, run " + ids[0]);
        assertThat(data.poolHeader()).isEqualTo("Pool, run " + ids[1] + " (this run)");
        assertThat(data.totals()).extracting(ComparisonData.TimingRow::measure).containsExactly("Workers",
                "Wall time (s)", "Trial time, summed over trials (s)", "Speedup over one process (×)",
                "Parallel efficiency (%)", "Peak RSS, largest worker (MB)", "Peak RSS, all workers summed (MB)");
        assertThat(data.totals()).extracting(ComparisonData.TimingRow::single)
                .containsExactly("1", "20.5", "19.3", "1.00", "100", "410", "410");
        assertThat(data.totals()).extracting(ComparisonData.TimingRow::pool)
                .containsExactly("2", "12.0", "22.0", "1.71", "85", "380", "760");
        assertThat(data.summary()).containsExactly(
                "Speedup 1.71× with 2 workers, parallel efficiency 85 % (the speedup divided by the workers: 100 % "
                        + "would mean each worker as fast as one process alone).",
                "2 independent CPU-bound processes reach 1.90× on this machine; the pool reached 90 % of that.",
                "Metrics are identical in both modes.");
        assertThat(data.perGridPoint()).extracting(ComparisonData.PointTimingRow::gridPoint).containsExactly("g0", "g1");
        assertThat(data.perGridPoint().get(1).hyperparameters()).isEqualTo("units 16");
        assertThat(data.perGridPoint().get(1).poolOverSingle()).isEqualTo(1.1538);

        assertThat(model.cpuSeries()).extracting(s -> s.getName()).containsExactly("single process", "pool");
        assertThat(model.cpuSeries().get(0).getData()).hasSize(10);
        assertThat(model.cpuSeries().get(1).getData().get(0).getYValue().doubleValue()).isEqualTo(90.0);
        assertThat(model.memorySeries().get(1).getData()).hasSize(6);
        // two workers of 300 MB each at the first sample
        assertThat(model.memorySeries().get(1).getData().get(0).getYValue().doubleValue()).isEqualTo(600.0);
        assertThat(model.statusProperty().get()).contains("comparison");
    }

    @Test
    void readsAComparisonLenientlyShowingDashesForWhatIsMissing() throws Exception {
        JsonNode partial = SpecIo.MAPPER.readTree("{\"single\":{\"runId\":3},\"multi\":{\"workers\":\"x\"},\"speedup\":\"NaN\"}");

        ComparisonData data = ComparisonData.of(new Comparison(ComparisonResult.fromJson(partial), List.of(), List.of()), 3);

        assertThat(data.singleHeader()).isEqualTo("Single process, run 3 (this run)");
        assertThat(data.poolHeader()).isEqualTo("Pool");
        assertThat(data.totals()).extracting(ComparisonData.TimingRow::pool).containsOnly("—");
        assertThat(data.summary()).contains("Whether the metrics agree in both modes was not recorded.");
        assertThat(data.perGridPoint()).isEmpty();
        assertThat(data.singleCpu()).isEmpty();
    }

    @Test
    void thinsLongSampleSeriesButKeepsTheLastPoint() {
        double[][] points = new double[2000][];
        for (int i = 0; i < points.length; i++) {
            points[i] = new double[] {i, i};
        }

        double[][] thinned = ComparisonData.thin(points);

        assertThat(thinned.length).isLessThanOrEqualTo(ComparisonData.MAX_CHART_POINTS + 1);
        assertThat(thinned[0][0]).isEqualTo(0);
        assertThat(thinned[thinned.length - 1][0]).isEqualTo(1999);
    }
}
