package io.kinefold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kinefold.data.synth.DatasetGenerator;
import io.kinefold.exec.InstantExecutor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code refit} and {@code predict} on the command line: thin faces on the engine's workflows. */
class RefitCommandTest {
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
                {"format":"kinefold-experiment/1","name":"refit-cli","folds":3,"seed":5,
                 "models":[{"model":"start:squat","grid":{"units":[8],"epochs":[1],"batchSize":[256]}}]}""");
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return KinefoldCommand.commandLine(new PrintWriter(out), new PrintWriter(err), InstantExecutor.factory(false, null))
                .execute(args);
    }

    private Path db() {
        Path db = dir.resolve("k.db");
        assertThat(run("run", spec.toString(), "--dataset", dataset.toString(), "--db", db.toString())).as(err.toString()).isZero();
        return db;
    }

    @Test
    @Tag("slow") // trains a network in this JVM
    void refitWritesTheModelAndPredictPrintsALinePerSampleAndTheAccuracy() throws Exception {
        Path db = db();
        Path zip = dir.resolve("start-squat.zip");

        assertThat(run("refit", "1", "--model", "start:squat", "--out", zip.toString(), "--db", db.toString(), "--json"))
                .as(err.toString()).isZero();
        JsonNode written = new ObjectMapper().readTree(out.toString());
        assertThat(written.get("sidecar").asText()).isEqualTo(dir.resolve("start-squat.json").toAbsolutePath().toString());
        assertThat(written.get("model").get("model").asText()).isEqualTo("start:squat");
        assertThat(Files.exists(zip)).isTrue();

        assertThat(run("predict", zip.toString(), dataset.toString())).as(err.toString()).isZero();
        String[] lines = out.toString().strip().split("\\R");
        assertThat(lines[0]).startsWith("recording").contains("predicted").contains("probability").contains("actual");
        assertThat(lines[1]).matches("s\\d+-squat\\s+\\d+\\s+(start|other)\\s+[01]\\.\\d{4}\\s+(start|other)");
        assertThat(lines[lines.length - 1]).matches("Accuracy: [01]\\.\\d{3} \\(\\d+ of \\d+ labelled samples\\)");

        assertThat(run("predict", zip.toString(), dataset.toString(), "--json")).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("model").get("model").asText()).isEqualTo("start:squat");
        assertThat(json.get("predictions")).hasSize(lines.length - 2);
        assertThat(json.get("predictions").get(0).get("recording").asText()).matches("s\\d+-squat");
        assertThat(json.get("accuracy").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void refusalsNameTheRunTheModelOrTheFileAndExitTwo() throws Exception {
        Path db = db();

        assertThat(run("refit", "7", "--model", "start:squat", "--out", dir.resolve("m.zip").toString(), "--db", db.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("no run 7");
        assertThat(run("refit", "1", "--model", "pose", "--out", dir.resolve("m.zip").toString(), "--db", db.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("run 1 has no model pose");
        assertThat(run("refit", "1", "--model", "squat", "--db", db.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--model: unknown model 'squat'");
        assertThat(run("refit", "1", "--model", "start:squat", "--out", dir.toString(), "--db", db.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--out").contains("is a folder");
        assertThat(dir.resolve("m.zip")).doesNotExist();

        Path notAModel = Files.writeString(dir.resolve("spec.zip"), "{}");
        assertThat(run("predict", notAModel.toString(), dataset.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(notAModel.toString()).contains("not a Kinefold model file");
    }

    @Test
    void helpListsBothCommandsAndSaysWhereTheSidecarGoes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("refit").contains("predict");
        assertThat(run("refit", "--help")).isZero();
        assertThat(out.toString()).contains("model.json").contains("params.f32").contains("model.zip -> model.json");
    }
}
