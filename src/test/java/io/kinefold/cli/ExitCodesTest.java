package io.kinefold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinefold.data.synth.DatasetGenerator;
import io.kinefold.exec.ExecutorFactory;
import io.kinefold.exec.InstantExecutor;
import io.kinefold.exec.PoolExecutor;
import io.kinefold.store.Leases;
import io.kinefold.store.Store;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One mapping of how a command ended to its exit code: 0 success, 1 the work failed, 2 bad usage or input. */
class ExitCodesTest {
    @TempDir
    static Path shared;
    static Path dataset;
    static Path spec;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void smallDataset() throws Exception {
        dataset = shared.resolve("ds");
        DatasetGenerator.generate(dataset, new DatasetGenerator.Options(4, 3, 3, 15));
        spec = shared.resolve("spec.json");
        Files.writeString(spec, """
                {"format":"kinefold-experiment/1","name":"exit-codes","folds":3,"seed":5,
                 "models":[{"model":"start:squat","grid":{"units":[8,16],"epochs":[1],"batchSize":[256]}}]}""");
    }

    private static ExecutorFactory fake(boolean failGridPointOne, RuntimeException thrown) {
        return InstantExecutor.factory(failGridPointOne, thrown);
    }

    private int run(ExecutorFactory executors, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return KinefoldCommand.commandLine(new PrintWriter(out), new PrintWriter(err), executors).execute(args);
    }

    private int run(String... args) {
        return run(fake(false, null), args);
    }

    private JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out.toString());
    }

    private String statusOf(Path db, long runId) throws Exception {
        assertThat(run("experiments", "--db", db.toString(), "--json")).isZero();
        for (JsonNode r : json().get("runs")) {
            if (r.get("id").asLong() == runId) {
                return r.get("status").asText();
            }
        }
        throw new AssertionError("no run " + runId);
    }

    static Stream<String> commandsThatOpenTheStore() {
        return Stream.of("run", "compare", "resume", "experiments", "export");
    }

    private String[] withDb(String command, Path db) {
        return switch (command) {
            case "run" -> new String[] {"run", spec.toString(), "--dataset", dataset.toString(), "--db", db.toString()};
            case "compare" -> new String[] {"compare", spec.toString(), "--dataset", dataset.toString(), "--workers", "2",
                "--no-reference", "--db", db.toString()};
            case "resume" -> new String[] {"resume", "1", "--db", db.toString()};
            case "experiments" -> new String[] {"experiments", "--db", db.toString()};
            case "export" -> new String[] {"export", "1", "--format", "csv", "--out", dir.resolve("x.csv").toString(), "--db",
                db.toString()};
            default -> throw new IllegalArgumentException(command);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "compare", "resume", "experiments", "export"})
    void aCorruptDatabaseIsBadInputForEveryCommandThatOpensIt(String command) throws Exception {
        Path db = dir.resolve("corrupt.db");
        Files.writeString(db, "this is not a database, only text that looks nothing like SQLite's header ".repeat(100));

        assertThat(run(withDb(command, db))).as(err.toString()).isEqualTo(2);
        assertThat(err.toString()).contains("not an SQLite database");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "experiments", "resume"})
    void anUnreachableDatabaseIsBadInput(String command) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");

        assertThat(run(withDb(command, file.resolve("sub").resolve("k.db")))).as(err.toString()).isEqualTo(2);
        assertThat(err.toString()).contains("cannot create its folder");
    }

    @Test
    void aRunWithAFailedTrialIsStoredFailedAndExitsOne() throws Exception {
        Path db = dir.resolve("t.db");
        int code = run(fake(true, null), "run", spec.toString(), "--dataset", dataset.toString(), "--db", db.toString(), "--json");

        assertThat(code).as(err.toString()).isEqualTo(1);
        JsonNode json = json();
        assertThat(json.get("status").asText()).isEqualTo("FAILED");
        assertThat(json.get("failedTrials").asInt()).isEqualTo(3);
        assertThat(err.toString()).contains("3 of 12 trials failed"); // 6 of networks, 6 of baselines
        assertThat(statusOf(db, json.get("runId").asLong())).isEqualTo("FAILED");
    }

    @Test
    void aPoolThatCannotStartExitsOneAndLeavesTheRunFailed() throws Exception {
        Path db = dir.resolve("t.db");
        int code = run(fake(false, new PoolExecutor.PoolFailure("every worker died before it was ready")),
                "run", spec.toString(), "--dataset", dataset.toString(), "--db", db.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("the worker pool failed: every worker died before it was ready");
        assertThat(statusOf(db, 1)).isEqualTo("FAILED");
    }

    @Test
    void aResumeOfARunThatLivesElsewhereIsRefusedNamingTheHolder() throws Exception {
        Path db = dir.resolve("t.db");
        assertThat(run(fake(true, null), "run", spec.toString(), "--dataset", dataset.toString(), "--db", db.toString()))
                .isEqualTo(1);
        Process other = Leases.liveProcess();
        try {
            String host;
            try (Store store = Store.open(db)) {
                host = store.host();
            }
            Leases.holdAs(db, 1, host, other.pid());

            assertThat(run("resume", "1", "--db", db.toString())).as(err.toString()).isEqualTo(2);
            assertThat(err.toString()).contains("run 1 is running on host " + host + ", pid " + other.pid())
                    .contains("resume refused");
        } finally {
            other.destroyForcibly().waitFor();
        }
        assertThat(run("resume", "1", "--db", db.toString())).as("taken over once the holder is gone: " + err).isZero();
        assertThat(statusOf(db, 1)).isEqualTo("SUCCEEDED");
    }

    @Test
    void aResumeOnAChangedDatasetIsRefusedNamingTheRecordings() throws Exception {
        Path copy = copyOfDataset();
        Path db = dir.resolve("t.db");
        assertThat(run(fake(true, null), "run", spec.toString(), "--dataset", copy.toString(), "--db", db.toString()))
                .isEqualTo(1);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) mapper.readTree(copy.resolve("dataset.json").toFile());
        ArrayNode recordings = (ArrayNode) manifest.get("recordings");
        String removed = recordings.get(recordings.size() - 1).get("id").asText();
        recordings.remove(recordings.size() - 1);
        ObjectNode changed = (ObjectNode) recordings.get(0);
        ObjectNode rep = (ObjectNode) changed.get("reps").get(0);
        rep.put("correct", !rep.get("correct").asBoolean());
        mapper.writeValue(copy.resolve("dataset.json").toFile(), manifest);

        assertThat(run("resume", "1", "--db", db.toString())).as(err.toString()).isEqualTo(2);
        assertThat(err.toString()).contains("removed: " + removed).contains("changed: " + changed.get("id").asText())
                .contains("resume refused");
        assertThat(statusOf(db, 1)).as("the refused resume changed nothing").isEqualTo("FAILED");
    }

    @Test
    void aRunStoredWithoutRecordingFingerprintsIsRefusedForTheWholeDataset() throws Exception {
        Path db = dir.resolve("t.db");
        assertThat(run(fake(true, null), "run", spec.toString(), "--dataset", dataset.toString(), "--db", db.toString()))
                .isEqualTo(1);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().executeUpdate("""
                    UPDATE runs SET provenance_json = json_set(json_remove(provenance_json, '$.recordingFingerprints'),
                                                              '$.datasetFingerprint', 'older')""");
        }

        assertThat(run("resume", "1", "--db", db.toString())).as(err.toString()).isEqualTo(2);
        assertThat(err.toString()).contains("fingerprint older").contains("which recordings changed is not known");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "compare", "resume", "export", "experiments"})
    void helpStatesTheExitCodes(String command) {
        assertThat(run(command, "--help")).isZero();
        assertThat(out.toString()).contains("Exit codes:").contains("  0   ").contains("  2   bad usage or bad input");
        if (!command.equals("experiments")) {
            assertThat(out.toString()).contains("  1   the work failed");
        }
    }

    private Path copyOfDataset() throws Exception {
        Path copy = dir.resolve("ds-copy");
        try (Stream<Path> files = Files.walk(dataset)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(dataset.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }
}
