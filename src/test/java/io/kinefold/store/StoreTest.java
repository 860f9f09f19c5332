package io.kinefold.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.kinefold.data.ModelId;
import io.kinefold.experiment.EarlyStopping;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.model.LearningCurve;
import io.kinefold.model.Metrics;
import io.kinefold.experiment.ModelGrid;
import io.kinefold.experiment.Provenance;
import io.kinefold.experiment.RunInfo;
import io.kinefold.experiment.Status;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import io.kinefold.monitor.ResourceSampleRow;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
    @TempDir
    Path dir;

    private static final ExperimentSpec SPEC = new ExperimentSpec(ExperimentSpec.FORMAT, "quick", "datasets/demo", 3, 7L,
            new EarlyStopping(3, 0.2), List.of(
                    new ModelGrid("pose", Map.of("units", List.of(32.0, 64.0), "learningRate", List.of(0.001))),
                    new ModelGrid("rep:*", Map.of("lstmUnits", List.of(16.0)))));

    private static final Provenance PROVENANCE = new Provenance("0.1.0", "17.0.9 Eclipse Adoptium", "1.0.0-M2.1",
            "Linux 6.1 amd64", "AMD Ryzen 7 5800X", 16, 34_359_738_368L, "sha256:ab12");

    private Path db() {
        return dir.resolve("sub/dir/k.db");
    }

    private static Trial trial(String model, int gridPoint, int fold) {
        Map<String, Double> params = new LinkedHashMap<>();
        params.put("units", 32.0 * (gridPoint + 1));
        params.put("learningRate", 0.1 + 0.2);
        return new Trial(ModelId.parse(model), gridPoint, params, fold);
    }

    private static final LearningCurve CURVE = new LearningCurve(new double[] {1.1, 0.1 + 0.2, Double.MIN_VALUE},
            new double[] {0.9, 0.4, 0.45}, 2);

    private static TrialResult succeeded(Trial trial, double accuracy) {
        return succeeded(trial, accuracy, CURVE);
    }

    private static TrialResult succeeded(Trial trial, double accuracy, LearningCurve curve) {
        return TrialResult.succeeded(trial,
                new Metrics(accuracy, 2.0 / 3, new int[][] {{5, 1, 0}, {0, 7, 2}, {1, 0, 9}}, Math.PI * 1e-7, 17, 250, 25, curve),
                "w2", Math.nextUp(1.0));
    }

    /** A succeeded trial's row as Kinefold wrote it before learning curves (schema 1 to 5). */
    private void insertTrialWithoutCurve(long run, long session, String key, String model, int gridPoint, int fold) throws Exception {
        execute("INSERT INTO trials (run_id, trial_key, model, grid_point, fold, params_json, status, accuracy, macro_f1,"
                + " confusion_json, train_seconds, epochs, train_samples, test_samples, worker, wall_seconds, session_id,"
                + " finished_at) VALUES (" + run + ", '" + key + "', '" + model + "', " + gridPoint + ", " + fold
                + ", '{\"units\":32.0}', 'SUCCEEDED', 0.9, 0.8, '[[1,0],[0,1]]', 1.5, 12, 90, 10, 'w1', 2.0, " + session + ", 1)");
    }

    private long[] runWithSession(Store store) {
        long experiment = store.createExperiment(SPEC);
        long run = store.createRun(experiment, "pool", 4, "datasets/demo", PROVENANCE, 12);
        return new long[] {run, store.startSession(run)};
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws Exception {
        Files.createDirectories(db().getParent());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void storesBaselineTrialsUnderTheirOwnKeysAndKeepsThemOutOfTheBestGridPoint() throws Exception {
        Trial nearest = Trial.baseline(io.kinefold.data.ModelId.parse("pose"), io.kinefold.experiment.Baseline.NEAREST,
                Map.of("units", 32.0), 1);
        try (Store store = Store.open(db())) {
            long[] ids = runWithSession(store);
            store.recordTrial(ids[0], ids[1], succeeded(trial("pose", 0, 1), 0.7));
            store.recordTrial(ids[0], ids[1], succeeded(nearest, 0.9));

            List<TrialResult> read = store.trialResults(ids[0]);

            assertThat(read.get(1).trial().baseline()).isEqualTo(io.kinefold.experiment.Baseline.NEAREST);
            assertThat(read.get(1).trial().key()).isEqualTo("pose/nearest/f1");
            assertThat(store.succeededTrialKeys(ids[0])).contains("pose/nearest/f1");
            assertThat(store.bestMeanAccuracies(ids[0])).containsExactly(Map.entry(io.kinefold.data.ModelId.parse("pose"), 0.7));
            assertThat(store.bestBaselineAccuracies(ids[0])).containsExactly(Map.entry(io.kinefold.data.ModelId.parse("pose"), 0.9));
        }
        // trials holds the networks only: what per-trial timings and outside readers (the PyTorch peer) take it to be.
        assertThat(count("SELECT COUNT(*) FROM trials")).isOne();
        assertThat(count("SELECT COUNT(*) FROM baseline_trials WHERE trial_key = 'pose/nearest/f1'")).isOne();
    }

    @Test
    void storesAnExperimentRunAndItsTrialsAndReadsThemBackBitForBit() throws Exception {
        List<TrialResult> written = List.of(
                succeeded(trial("pose", 0, 0), 0.1 + 0.2),
                TrialResult.failed(trial("rep:squat", 3, 2), "out of memory: the worker died twice", "w1", 12.5),
                succeeded(trial("start:lunge", 1, 1), Double.MIN_VALUE),
                succeeded(trial("pose", 1, 0), Double.NaN),
                succeeded(trial("pose", 2, 0), 0.5, new LearningCurve(new double[] {0.7, 1e-9}, new double[] {Double.NaN, Double.NaN}, 2)),
                succeeded(trial("pose", 3, 0), 0.5, LearningCurve.NONE));
        try (Store store = Store.open(db())) {
            long[] ids = runWithSession(store);
            for (TrialResult result : written) {
                store.recordTrial(ids[0], ids[1], result);
            }

            List<TrialResult> read = store.trialResults(ids[0]);

            // Double::equals compares bits; AssertJ's default for doubles allows 1e-15.
            assertThat(read).usingRecursiveComparison().withEqualsForType(Double::equals, Double.class).isEqualTo(written);
            assertThat(Double.doubleToRawLongBits(read.get(0).metrics().accuracy()))
                    .isEqualTo(Double.doubleToRawLongBits(0.1 + 0.2));
            assertThat(read.get(0).metrics().confusion()).isDeepEqualTo(new int[][] {{5, 1, 0}, {0, 7, 2}, {1, 0, 9}});
            assertThat(read.get(0).trial().params()).containsExactly(Map.entry("units", 32.0), Map.entry("learningRate", 0.1 + 0.2));
            assertThat(read.get(1).metrics()).isNull();
            assertThat(read.get(1).error()).isEqualTo("out of memory: the worker died twice");
            assertThat(read.get(3).metrics().accuracy()).isNaN();
            assertThat(read.get(0).metrics().curve()).isEqualTo(CURVE);
            assertThat(read.get(4).metrics().curve().validationLoss(1)).isNaN();
            assertThat(read.get(5).metrics().curve()).isEqualTo(LearningCurve.NONE);
            assertThat(store.spec(ids[0])).isEqualTo(SPEC);
            assertThat(store.provenance(ids[0])).isEqualTo(PROVENANCE);
            RunInfo run = store.run(ids[0]).orElseThrow();
            assertThat(run).extracting(RunInfo::experimentName, RunInfo::mode, RunInfo::workers, RunInfo::status,
                            RunInfo::dataset, RunInfo::finished, RunInfo::trialsTotal, RunInfo::trialsDone)
                    .containsExactly("quick", "pool", 4, Status.RUNNING, "datasets/demo", null, 12, 6);
        }
    }

    @Test
    void recordingATrialAgainReplacesItsResultAndCountsTheCompletion() throws Exception {
        try (Store store = Store.open(db())) {
            long[] ids = runWithSession(store);
            Trial first = trial("pose", 0, 0);
            store.recordTrial(ids[0], ids[1], TrialResult.failed(first, "worker died", "w1", 3.0));
            store.recordTrial(ids[0], ids[1], succeeded(trial("pose", 0, 1), 0.5));
            long resumed = store.startSession(ids[0]);
            store.recordTrial(ids[0], resumed, succeeded(first, 0.75));

            assertThat(store.completions(ids[0])).containsExactly(Map.entry("pose/g0/f0", 2), Map.entry("pose/g0/f1", 1));
            assertThat(store.trialResults(ids[0])).extracting(r -> r.trial().key(), TrialResult::status, TrialResult::error)
                    .containsExactly(
                            tuple("pose/g0/f0", Status.SUCCEEDED, null),
                            tuple("pose/g0/f1", Status.SUCCEEDED, null));
            assertThat(store.trialResults(ids[0]).get(0).metrics().accuracy()).isEqualTo(0.75);
        }
    }

    @Test
    void succeededTrialKeysLeaveOutFailedTrialsAndOtherRuns() throws Exception {
        try (Store store = Store.open(db())) {
            long[] ids = runWithSession(store);
            long[] other = runWithSession(store);
            store.recordTrial(ids[0], ids[1], succeeded(trial("pose", 0, 0), 0.9));
            store.recordTrial(ids[0], ids[1], TrialResult.failed(trial("pose", 0, 1), "diverged", "main", 1.0));
            store.recordTrial(ids[0], ids[1], succeeded(trial("rep:squat", 2, 1), 0.8));
            store.recordTrial(other[0], other[1], succeeded(trial("pose", 1, 1), 0.7));

            assertThat(store.succeededTrialKeys(ids[0])).containsExactlyInAnyOrder("pose/g0/f0", "rep:squat/g2/f1");
        }
    }

    @Test
    void listsRunsNewestFirstWithTrialsDoneAndWallTimeOverEndedSessions() throws Exception {
        try (Store store = Store.open(db())) {
            long[] older = runWithSession(store);
            store.endSession(older[1], 1.5);
            long resume = store.startSession(older[0]);
            store.endSession(resume, 2.25);
            store.startSession(older[0]); // still running: adds nothing
            store.recordTrial(older[0], resume, succeeded(trial("pose", 0, 0), 0.9));
            store.recordTrial(older[0], resume, TrialResult.failed(trial("pose", 0, 1), "diverged", "main", 1.0));
            long[] newer = runWithSession(store);

            List<RunInfo> runs = store.runs();

            assertThat(runs).extracting(RunInfo::id).containsExactly(newer[0], older[0]);
            assertThat(runs.get(1).wallSeconds()).isEqualTo(3.75);
            assertThat(runs.get(1).trialsDone()).isEqualTo(2);
            assertThat(runs.get(0).wallSeconds()).isZero();
            assertThat(runs.get(0).trialsDone()).isZero();
            assertThat(runs.get(0).started()).isAfterOrEqualTo(runs.get(1).started());
        }
    }

    @Test
    void aTerminalStatusSetsTheFinishedTimeAndAResumeClearsIt() throws Exception {
        try (Store store = Store.open(db())) {
            long run = runWithSession(store)[0];

            store.setRunStatus(run, Status.CANCELLED);
            RunInfo cancelled = store.run(run).orElseThrow();
            store.setRunStatus(run, Status.RUNNING);
            store.setRunWorkers(run, 2);
            RunInfo resumed = store.run(run).orElseThrow();

            assertThat(cancelled.status()).isEqualTo(Status.CANCELLED);
            assertThat(cancelled.finished()).isNotNull().isAfterOrEqualTo(cancelled.started());
            assertThat(resumed.status()).isEqualTo(Status.RUNNING);
            assertThat(resumed.finished()).isNull();
            assertThat(resumed.workers()).isEqualTo(2);
        }
    }

    @Test
    void deletingARunRemovesItsTrialsSessionsAndSamplesAndLeavesOtherRunsAlone() throws Exception {
        long deleted;
        long kept;
        try (Store store = Store.open(db())) {
            long[] ids = runWithSession(store);
            long[] other = runWithSession(store);
            for (long[] run : List.of(ids, other)) {
                store.recordTrial(run[0], run[1], succeeded(trial("pose", 0, 0), 0.9));
                store.recordSamples(run[0], List.of(new ResourceSampleRow(run[0], 1000, "machine", "cpu", 0.5)));
            }
            deleted = ids[0];
            kept = other[0];

            store.deleteRun(deleted);

            assertThat(store.run(deleted)).isEmpty();
            assertThat(store.runs()).extracting(RunInfo::id).containsExactly(kept);
            assertThat(store.trialResults(deleted)).isEmpty();
            assertThat(store.samples(deleted)).isEmpty();
            assertThat(store.trialResults(kept)).hasSize(1);
            assertThat(store.samples(kept)).hasSize(1);
            assertThatThrownBy(() -> store.spec(deleted)).isInstanceOf(StoreException.class).hasMessageContaining("no run " + deleted);
        }
        assertThat(count("SELECT COUNT(*) FROM sessions WHERE run_id = " + deleted)).isZero();
        assertThat(count("SELECT COUNT(*) FROM trials WHERE run_id = " + deleted)).isZero();
        assertThat(count("SELECT COUNT(*) FROM resource_samples WHERE run_id = " + deleted)).isZero();
        assertThat(count("SELECT COUNT(*) FROM sessions WHERE run_id = " + kept)).isOne();
    }

    @Test
    void aFreshDatabaseReachesTheLatestSchemaAndReopeningChangesNothing() throws Exception {
        try (Store store = Store.open(db())) {
            assertThat(store.schemaVersion()).isEqualTo(Migrations.LATEST).isEqualTo(8);
            store.createExperiment(SPEC);
        }
        try (Store store = Store.open(db())) {
            assertThat(store.schemaVersion()).isEqualTo(Migrations.LATEST);
        }
        assertThat(count("SELECT COUNT(*) FROM schema_version")).isEqualTo(Migrations.LATEST);
        assertThat(count("SELECT COUNT(*) FROM experiments")).isOne();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
             ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void migratesAVersionOneDatabaseToTheLatestKeepingItsData() throws Exception {
        long[] ids;
        try (Store v1 = Store.open(db(), 1)) {
            assertThat(v1.schemaVersion()).isEqualTo(1);
            long run = v1.createRun(v1.createExperiment(SPEC), "pool", 4, "datasets/demo", PROVENANCE, 12);
            // Sessions of version 1 have no heartbeat: written as that Kinefold wrote them.
            execute("INSERT INTO sessions (run_id, started_at, host, pid) VALUES (" + run + ", 1, 'old', 1)");
            ids = new long[] {run, count("SELECT MAX(id) FROM sessions")};
            insertTrialWithoutCurve(ids[0], ids[1], "pose/g0/f0", "pose", 0, 0);
        }
        assertThat(count("SELECT COUNT(*) FROM sqlite_master WHERE name = 'resource_samples'")).isZero();

        try (Store store = Store.open(db())) {
            assertThat(store.schemaVersion()).isEqualTo(Migrations.LATEST);
            assertThat(store.spec(ids[0])).isEqualTo(SPEC);
            assertThat(store.succeededTrialKeys(ids[0])).containsExactly("pose/g0/f0");
            store.recordSamples(ids[0], List.of(new ResourceSampleRow(ids[0], 5, "w1", "rssMb", 812.5)));
            assertThat(store.samples(ids[0])).hasSize(1);
        }
        assertThat(count("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'resource_samples_run'")).isOne();
    }

    @Test
    void migratesAVersionFiveDatabaseSoItsTrialsReadWithoutACurveAndNewOnesKeepTheirs() throws Exception {
        long[] ids;
        try (Store v5 = Store.open(db(), 5)) {
            assertThat(v5.schemaVersion()).isEqualTo(5);
            ids = runWithSession(v5);
            insertTrialWithoutCurve(ids[0], ids[1], "pose/g0/f0", "pose", 0, 0);
        }
        assertThat(count("SELECT COUNT(*) FROM pragma_table_info('trials') WHERE name = 'curve_json'")).isZero();

        try (Store store = Store.open(db())) {
            assertThat(store.schemaVersion()).isEqualTo(Migrations.LATEST);
            store.recordTrial(ids[0], ids[1], succeeded(trial("pose", 0, 1), 0.7));

            List<TrialResult> read = store.trialResults(ids[0]);

            assertThat(read).hasSize(2);
            assertThat(read.get(0).metrics().epochs()).isEqualTo(12);
            assertThat(read.get(0).metrics().accuracy()).isEqualTo(0.9);
            assertThat(read.get(0).metrics().curve()).isEqualTo(LearningCurve.NONE);
            assertThat(read.get(1).metrics().curve()).isEqualTo(CURVE);
        }
        assertThat(count("SELECT COUNT(*) FROM trials WHERE curve_json IS NULL")).isOne();
    }

    @Test
    void migratesBaselineTrialsOfAVersionSixDatabaseIntoTheirOwnTableLeavingTrialsToTheNetworks() throws Exception {
        long[] ids;
        try (Store v6 = Store.open(db(), 6)) {
            ids = runWithSession(v6);
            insertTrialWithoutCurve(ids[0], ids[1], "pose/g0/f0", "pose", 0, 0);
            insertTrialWithoutCurve(ids[0], ids[1], "pose/nearest/f0", "pose", -2, 0);
        }
        try (Store store = Store.open(db())) {
            List<TrialResult> read = store.trialResults(ids[0]);

            assertThat(read).extracting(r -> r.trial().key()).containsExactly("pose/g0/f0", "pose/nearest/f0");
            assertThat(store.run(ids[0]).orElseThrow().trialsDone()).isEqualTo(2);
            store.recordTrial(ids[0], ids[1], succeeded(read.get(1).trial(), 0.8));
            assertThat(store.completions(ids[0])).containsEntry("pose/nearest/f0", 2);
        }
        assertThat(count("SELECT COUNT(*) FROM trials")).isOne();
        assertThat(count("SELECT COUNT(*) FROM baseline_trials")).isOne();
        try (Store store = Store.open(db())) {
            store.deleteRun(ids[0]);
        }
        assertThat(count("SELECT COUNT(*) FROM baseline_trials")).isZero();
    }

    @Test
    void renamingTaggingAndAnnotatingARunIsStoredAndReplacedAsAWhole() throws Exception {
        try (Store store = Store.open(db())) {
            long run = runWithSession(store)[0];
            long other = runWithSession(store)[0];
            assertThat(store.note(run)).isEqualTo(RunNote.none(run));

            RunNote saved = store.saveNote(new RunNote(run, "  lr sweep, 3 folds ",
                    RunNote.parseTags("baseline, lr-sweep,, Baseline ,paper"), "Cores were busy.\nRedo at night.", null));

            assertThat(saved.updated()).isNotNull();
            RunNote read = store.note(run);
            assertThat(read.name()).isEqualTo("lr sweep, 3 folds");
            assertThat(read.tags()).containsExactly("baseline", "lr-sweep", "paper");
            assertThat(read.tagsText()).isEqualTo("baseline, lr-sweep, paper");
            assertThat(read.note()).isEqualTo("Cores were busy.\nRedo at night.");
            assertThat(store.notes()).containsOnlyKeys(run);
            assertThat(store.note(other).isBlank()).isTrue();

            store.saveNote(new RunNote(run, "", List.of("paper"), "", null));

            assertThat(store.note(run)).extracting(RunNote::name, RunNote::tags, RunNote::note)
                    .containsExactly("", List.of("paper"), "");
            assertThatThrownBy(() -> store.saveNote(RunNote.none(9999)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no run 9999");
        }
        assertThat(count("SELECT COUNT(*) FROM run_notes")).isOne();
    }

    @Test
    void deletingARunDeletesItsNote() throws Exception {
        long deleted;
        long kept;
        try (Store store = Store.open(db())) {
            deleted = runWithSession(store)[0];
            kept = runWithSession(store)[0];
            store.saveNote(new RunNote(deleted, "gone", List.of("x"), "", null));
            store.saveNote(new RunNote(kept, "kept", List.of("y"), "", null));

            store.deleteRun(deleted);

            assertThat(store.notes()).containsOnlyKeys(kept);
        }
        assertThat(count("SELECT COUNT(*) FROM run_notes WHERE run_id = " + deleted)).isZero();
    }

    @Test
    void migratesAVersionSevenDatabaseSoItsRunsHaveNoNoteUntilOneIsSaved() throws Exception {
        long run;
        try (Store v7 = Store.open(db(), 7)) {
            assertThat(v7.schemaVersion()).isEqualTo(7);
            run = runWithSession(v7)[0];
        }
        assertThat(count("SELECT COUNT(*) FROM sqlite_master WHERE name = 'run_notes'")).isZero();

        try (Store store = Store.open(db())) {
            assertThat(store.schemaVersion()).isEqualTo(8);
            assertThat(store.runs()).extracting(RunInfo::id).containsExactly(run);
            assertThat(store.note(run).isBlank()).isTrue();
            store.saveNote(new RunNote(run, "old run", List.of("v7"), "from before notes", null));
            assertThat(store.note(run).tags()).containsExactly("v7");
        }
    }

    @Test
    void comparisonPartnersNameEachComparedRunsOtherRun() throws Exception {
        try (Store store = Store.open(db())) {
            long single = runWithSession(store)[0];
            long pool = runWithSession(store)[0];
            long alone = runWithSession(store)[0];
            store.recordComparison(single, pool, "{}");

            assertThat(store.comparisonPartners()).containsExactlyInAnyOrderEntriesOf(Map.of(single, pool, pool, single))
                    .doesNotContainKey(alone);
        }
    }

    @Test
    void refusesADatabaseWrittenByANewerKinefold() throws Exception {
        Store.open(db()).close();
        int future = Migrations.LATEST + 1;
        execute("INSERT INTO schema_version (version, description, applied_at) VALUES (" + future + ", 'from the future', 0)");

        assertThatThrownBy(() -> Store.open(db()))
                .isInstanceOf(StoreException.class)
                .hasMessage(db().toAbsolutePath() + ": written by a newer Kinefold (schema " + future + ", this one knows "
                        + Migrations.LATEST + ")");
    }

    @Test
    void refusesAFileThatIsNotAnSqliteDatabaseNamingTheFile() throws Exception {
        Path notes = dir.resolve("notes.db");
        Files.writeString(notes, "These are my notes, not a database. ".repeat(20));

        assertThatThrownBy(() -> Store.open(notes))
                .isInstanceOf(StoreException.class)
                .hasMessage(notes.toAbsolutePath() + ": not an SQLite database");
        assertThat(Files.readString(notes)).startsWith("These are my notes");
    }

    @Test
    void refusesAnotherApplicationsSqliteDatabaseWithoutTouchingIt() throws Exception {
        execute("CREATE TABLE contacts (name TEXT)");

        assertThatThrownBy(() -> Store.open(db()))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith(db().toAbsolutePath() + ": not a Kinefold database")
                .hasMessageContaining("contacts");
        assertThat(count("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'")).isOne();
    }

    @Test
    void createsTheFoldersOfANewDatabaseAndDefaultsToTheUserHome() throws Exception {
        assertThat(Store.defaultPath()).isEqualTo(Path.of(System.getProperty("user.home"), ".kinefold", "kinefold.db"));

        Store.open(db()).close();

        assertThat(db()).isRegularFile();
    }

    @Test
    void resourceSamplesRoundTripInTimeOrder() throws Exception {
        try (Store store = Store.open(db())) {
            long run = runWithSession(store)[0];
            List<ResourceSampleRow> rows = new ArrayList<>();
            for (int t = 0; t < 50; t++) {
                long at = 1_700_000_000_000L + t * 1000L;
                rows.add(new ResourceSampleRow(run, at, "machine", "cpu", t / 49.0));
                rows.add(new ResourceSampleRow(run, at, "core3", "cpu", Math.sqrt(t) / 10));
                rows.add(new ResourceSampleRow(run, at, "w1", "rssMb", 700 + t * 1.1));
                rows.add(new ResourceSampleRow(run, at, "machine", "memUsedMb", 8192.0 + t));
            }

            store.recordSamples(run, rows.subList(0, 100));
            store.recordSamples(run, rows.subList(100, 200));

            assertThat(store.samples(run)).isEqualTo(rows);
            assertThatThrownBy(() -> store.recordSamples(run, List.of(new ResourceSampleRow(run + 1, 0, "machine", "cpu", 0))))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void unknownIdsAndFailingSqlNameTheFileAndTheOperation() throws Exception {
        try (Store store = Store.open(db())) {
            assertThat(store.run(42)).isEmpty();
            assertThatThrownBy(() -> store.setRunStatus(42, Status.FAILED))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no run 42");
            assertThatThrownBy(() -> store.spec(42)).isInstanceOf(StoreException.class)
                    .hasMessage(db().toAbsolutePath() + ": no run 42");
            assertThatThrownBy(() -> store.recordTrial(42, 1, succeeded(trial("pose", 0, 0), 0.5)))
                    .isInstanceOf(StoreFailure.class)
                    .hasMessageStartingWith(db().toAbsolutePath() + ": record trial pose/g0/f0 of run 42: ")
                    .hasMessageContaining("FOREIGN KEY");
        }
    }

    @Test
    void fourThreadsRecordingAtOnceLoseNoTrial() throws Exception {
        try (Store store = Store.open(db())) {
            long[] ids = runWithSession(store);
            ExecutorService pool = Executors.newFixedThreadPool(5);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int worker = w;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 50; i++) {
                        store.recordTrial(ids[0], ids[1], succeeded(trial("rep:squat", worker, i), i / 50.0));
                    }
                    return null;
                }));
            }
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 20; i++) {
                    store.recordSamples(ids[0], List.of(new ResourceSampleRow(ids[0], i, "machine", "cpu", 0.5),
                            new ResourceSampleRow(ids[0], i, "w1", "cpu", 0.25)));
                }
                return null;
            }));
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();

            Map<String, Integer> completions = store.completions(ids[0]);
            assertThat(completions).hasSize(200);
            assertThat(completions.values()).containsOnly(1);
            assertThat(store.samples(ids[0])).hasSize(40);
        }
    }

    @Test
    @Tag("slow")
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyTrialAChildReportedSurvivesItsKillMinusNine() throws Exception {
        long[] ids;
        try (Store store = Store.open(db())) {
            ids = runWithSession(store);
        }
        Path stderr = dir.resolve("child.err");
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-cp", System.getProperty("java.class.path"),
                CrashingTrialWriter.class.getName(), db().toString(), Long.toString(ids[0]), Long.toString(ids[1]))
                .redirectError(stderr.toFile())
                .start();
        List<String> reported = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (reported.size() < 20 && (line = out.readLine()) != null) {
                reported.add(line);
            }
            assertThat(child.isAlive()).as("still writing when killed").isTrue();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(reported).as("child stderr: %s", Files.exists(stderr) ? Files.readString(stderr) : "").hasSize(20);

        try (Store store = Store.open(db())) {
            assertThat(store.integrityCheck()).isEqualTo("ok");
            assertThat(store.succeededTrialKeys(ids[0])).containsAll(reported);
            assertThat(store.completions(ids[0]).values()).containsOnly(1);
        }
    }
}
