package io.kinefold.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.data.synth.DatasetGenerator;
import io.kinefold.exec.RunListener;
import io.kinefold.exec.RunOutcome;
import io.kinefold.exec.RunService;
import io.kinefold.exec.SingleProcessExecutor;
import io.kinefold.experiment.Provenance;
import io.kinefold.experiment.SpecIo;
import io.kinefold.experiment.Status;
import io.kinefold.report.ExportFormat;
import io.kinefold.store.Store;
import io.kinefold.ui.common.AppContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import io.kinefold.data.ModelId;
import io.kinefold.model.Metrics;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryViewModelTest {
    private static final Provenance PROVENANCE =
            new Provenance("test", "17", "1.0", "linux", "cpu", 4, 1L << 30, "fingerprint");

    @TempDir
    Path dir;
    private AppContext context;

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    private HistoryViewModel model() {
        context = new AppContext(dir.resolve("history.db"));
        return new HistoryViewModel(context, Runnable::run);
    }

    /** A run of the quick preset on a dataset folder that does not exist. */
    private long storedRun() throws Exception {
        try (Store store = Store.open(dir.resolve("history.db"))) {
            long experiment = store.createExperiment(SpecIo.readResource("quick"));
            return store.createRun(experiment, "pool", 3, dir.resolve("missing").toString(), PROVENANCE, 12);
        }
    }

    @Test
    void refreshShowsEachRunInWords() throws Exception {
        long run = storedRun();
        HistoryViewModel model = model();

        model.refresh().get(10, TimeUnit.SECONDS);

        assertThat(model.rows()).hasSize(1);
        HistoryRow row = model.rows().get(0);
        assertThat(row.id()).isEqualTo(run);
        assertThat(row.started()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(row.experiment()).isEqualTo(SpecIo.readResource("quick").name());
        assertThat(row.mode()).isEqualTo("pool");
        assertThat(row.workers()).isEqualTo(3);
        assertThat(row.status()).isEqualTo("running");
        assertThat(row.trials()).isEqualTo("0 / 12");
        assertThat(row.wallTime()).isEqualTo("0:00");
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).isEqualTo("1 run");
    }

    @Test
    void deleteRemovesTheRunFromStoreAndTable() throws Exception {
        storedRun();
        HistoryViewModel model = model();
        model.refresh().get(10, TimeUnit.SECONDS);
        model.selectedProperty().set(model.rows().get(0));

        model.delete(model.rows().get(0)).get(10, TimeUnit.SECONDS);

        assertThat(model.rows()).isEmpty();
        assertThat(model.selectedProperty().get()).isNull();
        try (Store store = Store.open(dir.resolve("history.db"))) {
            assertThat(store.runs()).isEmpty();
        }
    }

    @Test
    void exportOfARunWhoseDatasetIsGoneSaysSoInWords() throws Exception {
        storedRun();
        HistoryViewModel model = model();
        model.refresh().get(10, TimeUnit.SECONDS);
        Path out = dir.resolve("out.csv");

        model.export(model.rows().get(0), ExportFormat.CSV, out).get(10, TimeUnit.SECONDS);

        assertThat(model.statusProperty().get()).contains("cannot be exported").contains("dataset");
        assertThat(out).doesNotExist();
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    @Tag("slow")
    void exportsAFinishedRunAsCsv() throws Exception {
        Path dataset = dir.resolve("ds");
        DatasetGenerator.generate(dataset, new DatasetGenerator.Options(4, 5, 3, 15));
        Path specFile = dir.resolve("spec.json");
        Files.writeString(specFile, """
                {"format":"kinefold-experiment/1","name":"history-test","folds":2,"seed":5,
                 "models":[{"model":"start:squat","grid":{"units":[8],"epochs":[1],"batchSize":[256]}}]}""");
        try (Store store = Store.open(dir.resolve("history.db"))) {
            RunService service = new RunService(store);
            RunService.Prepared prepared = RunService.prepare(SpecIo.read(specFile), dataset, Path.of("."));
            long run = service.createRun(prepared, "single", 1);
            RunOutcome outcome = service.execute(run, prepared, SingleProcessExecutor::new, RunListener.NONE);
            assertThat(outcome.status()).isEqualTo(Status.SUCCEEDED);
        }
        HistoryViewModel model = model();
        model.refresh().get(10, TimeUnit.SECONDS);
        HistoryRow row = model.rows().get(0);
        assertThat(row.status()).isEqualTo("succeeded");
        assertThat(row.trials()).isEqualTo("6 / 6"); // 2 of networks, 4 of baselines
        assertThat(row.best()).matches("start \\d\\.\\d\\d( · ⚠ 1 model not better than a baseline)?");
        assertThat(row.resumable()).isFalse();
        model.open(row);
        assertThat(context.shownRunProperty().get()).isEqualTo(row.id());
        model.resume(row);
        assertThat(context.resumeRequestProperty().get()).as("a finished run has nothing to resume").isNull();
        Path out = dir.resolve("reports").resolve(HistoryViewModel.suggestedName(row, ExportFormat.CSV));

        model.export(row, ExportFormat.CSV, out).get(60, TimeUnit.SECONDS);

        assertThat(model.statusProperty().get()).startsWith("Wrote ").endsWith("run-" + row.id() + ".csv");
        assertThat(Files.readString(out)).startsWith("model,grid_point");
    }

    @Test
    void resumeOfARunHeldByAnotherLiveProcessShowsTheRefusalAndAsksNothing() throws Exception {
        long run = storedRun();
        io.kinefold.store.Leases.holdAs(dir.resolve("history.db"), run, "elsewhere.example", 4242);
        HistoryViewModel model = model();
        model.refresh().get(10, TimeUnit.SECONDS);

        model.resume(model.rows().get(0)).get(10, TimeUnit.SECONDS);

        assertThat(model.statusProperty().get()).startsWith("Run " + run + " cannot be resumed: ")
                .contains("host elsewhere.example, pid 4242");
        assertThat(context.resumeRequestProperty().get()).isNull();
    }

    @Test
    void bestAccuracyIsTheBestGridPointPerModelAsARangePerKind() throws Exception {
        Trial a0 = new Trial(ModelId.parse("start:squat"), 0, Map.of(), 0);
        Trial a1 = new Trial(ModelId.parse("start:squat"), 1, Map.of(), 0);
        Trial b0 = new Trial(ModelId.parse("start:lunge"), 0, Map.of(), 0);
        Trial p0 = new Trial(ModelId.parse("pose"), 0, Map.of(), 0);
        Trial p0f1 = new Trial(ModelId.parse("pose"), 0, Map.of(), 1);
        List<TrialResult> results = List.of(ok(a0, 0.5), ok(a1, 0.8), ok(b0, 0.6), ok(p0, 0.9), ok(p0f1, 0.7),
                TrialResult.failed(new Trial(ModelId.parse("rep:squat"), 0, Map.of(), 0), "died", "w1", 1));

        Map<ModelId, Double> best;
        try (Store store = Store.open(dir.resolve("best.db"))) {
            long experiment = store.createExperiment(SpecIo.readResource("quick"));
            long run = store.createRun(experiment, "single", 1, "/nowhere",
                    new Provenance("test", "17", "1.0", "linux", "cpu", 2, 1L << 30, "fp"), results.size());
            long session = store.startSession(run);
            results.forEach(r -> store.recordTrial(run, session, r));
            best = store.bestMeanAccuracies(run);
        }

        assertThat(HistoryViewModel.best(best)).isEqualTo("pose 0.80 · start 0.60–0.80");
        assertThat(HistoryViewModel.best(Map.of())).isEmpty();
    }

    @Test
    void aComparisonsTwoRunsNameEachOtherAndFilterWordsMustAllMatch() throws Exception {
        NotebookRuns runs = NotebookRuns.make(dir.resolve("history.db"));
        try (Store store = Store.open(runs.db())) {
            store.recordComparison(runs.small(), runs.wider(), "{}");
            store.saveNote(new io.kinefold.store.RunNote(runs.small(), "units sweep", List.of("Paper", "lr"),
                    "first try", null));
        }
        HistoryViewModel model = model();
        model.refresh().get(10, TimeUnit.SECONDS);
        HistoryRow small = model.rows().stream().filter(r -> r.id() == runs.small()).findFirst().orElseThrow();
        HistoryRow wider = model.rows().stream().filter(r -> r.id() == runs.wider()).findFirst().orElseThrow();

        assertThat(small.comparison()).isEqualTo("⇄ run " + runs.wider());
        assertThat(wider.comparison()).isEqualTo("⇄ run " + runs.small());
        assertThat(small.name()).isEqualTo("units sweep");
        assertThat(wider.name()).as("no name of its own: the spec's").isEqualTo("b-wider");

        model.filterProperty().set("paper FIRST");
        assertThat(model.shownRows()).containsExactly(small);
        model.filterProperty().set("cancelled");
        assertThat(model.shownRows()).containsExactly(wider);
        model.filterProperty().set("small-set");
        assertThat(model.shownRows()).containsExactly(small);
        model.filterProperty().set("#" + runs.wider());
        assertThat(model.shownRows()).containsExactly(wider);
        model.filterProperty().set("paper cancelled");
        assertThat(model.shownRows()).isEmpty();
        model.filterProperty().set("  ");
        assertThat(model.shownRows()).hasSize(2);
    }

    @Test
    void comparingChosenRunsKeepsTheOrderTheyWereChosenInAndNeedsTwo() throws Exception {
        NotebookRuns runs = NotebookRuns.make(dir.resolve("history.db"));
        HistoryViewModel model = model();
        model.refresh().get(10, TimeUnit.SECONDS);
        HistoryRow small = model.rows().stream().filter(r -> r.id() == runs.small()).findFirst().orElseThrow();
        HistoryRow wider = model.rows().stream().filter(r -> r.id() == runs.wider()).findFirst().orElseThrow();

        model.choose(List.of(wider));
        model.compareChosen().get(10, TimeUnit.SECONDS);
        assertThat(model.comparisonProperty().get()).isNull();
        assertThat(model.statusProperty().get()).startsWith("Select two runs or more");

        model.choose(List.of(small, wider)); // the table lists them in its order; wider was chosen first
        assertThat(model.chosenRows()).containsExactly(wider, small);
        model.compareChosen().get(10, TimeUnit.SECONDS);

        var comparison = model.comparisonProperty().get();
        assertThat(comparison.runs()).extracting(r -> r.runId()).containsExactly(runs.wider(), runs.small());
        assertThat(comparison.timings().get(1).speedup()).isEqualTo(0.5);
        assertThat(model.comparisonTitle(comparison.runs().get(0)))
                .isEqualTo("Run " + runs.wider() + " · b-wider (cancelled, 4 of 10 trials)");
        assertThat(model.statusProperty().get()).startsWith("Compared runs " + runs.wider() + " and " + runs.small() + " in a window");
    }

    @Test
    void savingANoteStoresItAndShowsItInTheRow() throws Exception {
        NotebookRuns runs = NotebookRuns.make(dir.resolve("history.db"));
        HistoryViewModel model = model();
        model.refresh().get(10, TimeUnit.SECONDS);
        HistoryRow small = model.rows().stream().filter(r -> r.id() == runs.small()).findFirst().orElseThrow();
        model.selectedProperty().set(small);

        model.saveNote(small, " baseline run ", "a, b, a", "two lines\nof note").get(10, TimeUnit.SECONDS);

        HistoryRow saved = model.selectedProperty().get();
        assertThat(saved.id()).isEqualTo(runs.small());
        assertThat(saved.name()).isEqualTo("baseline run");
        assertThat(saved.tags()).containsExactly("a", "b");
        assertThat(saved.note()).isEqualTo("two lines\nof note");
        try (Store store = Store.open(runs.db())) {
            assertThat(store.note(runs.small()).tags()).containsExactly("a", "b");
        }
    }

    private static TrialResult ok(Trial trial, double accuracy) {
        return TrialResult.succeeded(trial, new Metrics(accuracy, accuracy, new int[][] {{1}}, 1, 1, 1, 1), "w1", 1);
    }
}
