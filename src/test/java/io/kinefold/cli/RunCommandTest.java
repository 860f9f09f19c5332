package io.kinefold.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kinefold.data.synth.DatasetGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The run, compare and export commands end to end, on a small generated dataset. */
class RunCommandTest {
    @TempDir
    static Path dir;
    static Path dataset;
    static Path spec;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void smallDataset() throws Exception {
        dataset = dir.resolve("ds");
        DatasetGenerator.generate(dataset, new DatasetGenerator.Options(4, 3, 3, 15));
        spec = dir.resolve("spec.json");
        Files.writeString(spec, """
                {"format":"kinefold-experiment/1","name":"cli-test","folds":3,"seed":5,
                 "models":[{"model":"pose","grid":{"units":[8],"epochs":[2],"batchSize":[256]}},
                           {"model":"start:squat","grid":{"units":[8,16],"epochs":[2],"batchSize":[256]}},
                           {"model":"rep:squat","grid":{"lstmUnits":[8],"sequenceLength":[24],"epochs":[2],"batchSize":[32]}}]}""");
    }

    private int run(String... args) {
        return KinefoldCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    private JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void countsTheArticlePresetWithoutTraining() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("datasets/demo")), "the bundled dataset is here");
        assertThat(run("run", "resources/presets/article.json", "--dry-run", "--json")).isZero();
        JsonNode json = json();
        assertThat(json.get("trials").asInt()).isEqualTo(2820);
        assertThat(json.get("networkTrials").asInt()).isEqualTo(2640);
        assertThat(json.get("baselineTrials").asInt()).isEqualTo(180); // 9 models, 2 baselines, 10 folds
        assertThat(json.get("models").get("pose").get("trials").asInt()).isEqualTo(240);
        for (String exercise : List.of("squat", "push-up", "lunge", "shoulder-press")) {
            assertThat(json.get("models").get("start:" + exercise).get("trials").asInt()).isEqualTo(60);
            assertThat(json.get("models").get("rep:" + exercise).get("trials").asInt()).isEqualTo(540);
        }
    }

    @Test
    @Tag("slow")
    @Timeout(300)
    void runsAndExportsTablesThatParseBack() throws Exception {
        Path db = dir.resolve("run.db");
        assertThat(run("run", spec.toString(), "--dataset", dataset.toString(), "--workers", "1", "--db", db.toString(), "--json"))
                .as(err.toString()).isZero();
        JsonNode json = json();
        assertThat(json.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(json.get("trials").asInt()).isEqualTo(30); // 12 of networks, 18 of baselines
        assertThat(json.get("workers").asInt()).isEqualTo(1);
        assertThat(json.get("wallSeconds").asDouble()).isPositive();
        assertThat(json.get("resources").get("samples").asInt()).isPositive();
        JsonNode start = json.get("models").get(1);
        assertThat(start.get("model").asText()).isEqualTo("start:squat");
        assertThat(start.get("gridPoints")).hasSize(2);
        assertThat(start.get("best").get("accuracy").get("mean").asDouble()).isBetween(0.0, 1.0);
        for (JsonNode model : json.get("models")) {
            for (String baseline : List.of("majority", "nearest")) {
                JsonNode b = model.get("baselines").get(baseline);
                assertThat(b).as(model.get("model") + " " + baseline).isNotNull();
                assertThat(b.get("accuracy").get("mean").asDouble()).isBetween(0.0, 1.0);
                assertThat(b.get("accuracy").has("sd")).isTrue();
                assertThat(b.get("macroF1").get("mean").asDouble()).isBetween(0.0, 1.0);
                assertThat(b.get("folds").asInt()).isEqualTo(3);
            }
            double best = model.get("best").get("accuracy").get("mean").asDouble();
            double bar = Math.max(model.get("baselines").get("majority").get("accuracy").get("mean").asDouble(),
                    model.get("baselines").get("nearest").get("accuracy").get("mean").asDouble());
            assertThat(model.get("flag").isNull()).as("flagged exactly when not better").isEqualTo(best > bar);
        }
        assertThat(json.get("trainSeconds").get("baselines").asDouble()).isPositive();
        long runId = json.get("runId").asLong();
        assertThat(err.toString()).contains("[30/30]");

        Path csv = dir.resolve("run.csv");
        out.getBuffer().setLength(0);
        assertThat(run("export", Long.toString(runId), "--format", "csv", "--out", csv.toString(), "--db", db.toString())).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(1 + 4 + 6); // grid points, then each model's two baselines
        String[] header = lines.get(0).split(",");
        int accuracy = List.of(header).indexOf("accuracy_mean");
        String[] row = lines.stream().filter(l -> l.startsWith("start:squat,0,")).findFirst().orElseThrow().split(",");
        double expected = start.get("gridPoints").get(0).get("accuracy").get("mean").asDouble();
        assertThat(Double.parseDouble(row[accuracy])).isEqualTo(expected);
        Path curves = dir.resolve("run-curves.csv");
        assertThat(err.toString()).contains("Wrote " + curves.toAbsolutePath());
        List<String> epochs = Files.readAllLines(curves);
        assertThat(epochs.get(0)).isEqualTo("run,model,grid_point,fold,epoch,train_loss,validation_loss,chosen");
        assertThat(epochs.stream().filter(l -> l.endsWith(",yes"))).as("one chosen epoch per trial").hasSize(12);

        Path samples = dir.resolve("samples.csv");
        assertThat(run("export", Long.toString(runId), "--format", "samples-csv", "--out", samples.toString(), "--db", db.toString()))
                .isZero();
        assertThat(Files.readAllLines(samples).get(0)).startsWith("epoch_millis,seconds,machine_cpu");

        out.getBuffer().setLength(0);
        assertThat(run("experiments", "--db", db.toString(), "--json")).isZero();
        assertThat(json().get("runs").get(0).get("trialsDone").asInt()).isEqualTo(30);
    }

    @Test
    @Tag("slow")
    @Timeout(400)
    void comparesSingleProcessWithAPoolAndFindsTheSameMetrics() throws Exception {
        Path db = dir.resolve("compare.db");
        assertThat(run("compare", spec.toString(), "--dataset", dataset.toString(), "--workers", "2", "--no-reference",
                "--db", db.toString(), "--json")).as(err.toString()).isZero();
        JsonNode json = json();
        assertThat(json.get("identicalMetrics").asBoolean()).isTrue();
        assertThat(json.get("single").get("workers").asInt()).isEqualTo(1);
        assertThat(json.get("multi").get("workers").asInt()).isEqualTo(2);
        assertThat(json.get("speedup").asDouble()).isEqualTo(
                json.get("single").get("wallSeconds").asDouble() / json.get("multi").get("wallSeconds").asDouble());
        assertThat(json.get("efficiency").asDouble()).isEqualTo(json.get("speedup").asDouble() / 2);
        assertThat(json.get("single").get("peakRssMb").asLong()).isPositive();
        assertThat(json.get("multi").get("peakRssMb").asLong()).isPositive();
        assertThat(json.get("perGridPoint")).hasSize(4 + 6); // grid points and baselines
        assertThat(err.toString()).contains("speedup").contains("metrics identical in both modes");
    }

    @Test
    void refusesABadWorkerCount() {
        assertThat(run("run", spec.toString(), "--dataset", dataset.toString(), "--workers", "many")).isEqualTo(2);
        assertThat(err.toString()).contains("--workers: “many” is not a number; type auto or a number from 1 to 256");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "compare"})
    void refusesATrialTimeoutOfNoSeconds(String command) {
        assertThat(run(command, spec.toString(), "--dataset", dataset.toString(), "--trial-timeout", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--trial-timeout: must be a number of seconds above 0");
    }

    @Test
    void namesTheFieldOfAnInvalidSpec() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, """
                {"format":"kinefold-experiment/1","folds":1,"models":[{"model":"rep:deadlift","grid":{}},
                 {"model":"pose","grid":{"units":[0]}}]}""");
        assertThat(run("run", bad.toString(), "--dataset", dataset.toString(), "--dry-run")).isEqualTo(2);
        assertThat(err.toString())
                .contains("folds: must be at least 2")
                .contains("models[0] (rep:deadlift).model: unknown exercise 'deadlift'")
                .contains("models[1] (pose).grid.units: 0 is outside 2–1024");
    }
}
