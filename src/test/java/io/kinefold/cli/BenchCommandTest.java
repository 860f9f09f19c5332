package io.kinefold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kinefold.data.synth.DatasetGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code kinefold bench}: per kind figures that add up, in one worker, and a flight recording on request. */
class BenchCommandTest {
    @TempDir
    static Path dir;
    static Path dataset;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void smallDataset() throws Exception {
        dataset = dir.resolve("ds");
        DatasetGenerator.generate(dataset, new DatasetGenerator.Options(4, 3, 3, 15));
    }

    private int run(String... args) {
        return KinefoldCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    @Test
    @Tag("slow")
    @Timeout(180)
    void printsPerKindCostsAndLeavesAFlightRecording() throws Exception {
        Path profile = dir.resolve("profile");
        assertThat(run("bench", "--dataset", dataset.toString(), "--rounds", "2", "--profile", profile.toString(), "--json"))
                .as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("rounds").asInt()).isEqualTo(2);
        assertThat(json.get("failedTrials").asInt()).isZero();
        List<String> kinds = new ArrayList<>();
        for (JsonNode k : json.get("kinds")) {
            kinds.add(k.get("kind").asText());
            // three folds, the first of two rounds not counted
            assertThat(k.get("trials").asInt()).as(k.toString()).isEqualTo(3);
            double trial = k.get("meanTrialSeconds").asDouble();
            double epoch = k.get("meanEpochSeconds").asDouble();
            double stepMillis = k.get("meanStepMillis").asDouble();
            int epochs = k.get("params").get("epochs").asInt();
            double steps = k.get("stepsPerTrial").asDouble();
            assertThat(trial).isPositive();
            // no early stopping in the bench: every epoch runs, so the figures divide out
            assertThat(epoch * epochs).isCloseTo(trial, org.assertj.core.data.Percentage.withPercentage(1));
            assertThat(stepMillis / 1000 * steps).isCloseTo(trial, org.assertj.core.data.Percentage.withPercentage(1));
            assertThat(k.get("firstRoundTrialSeconds").asDouble()).isPositive();
        }
        assertThat(kinds).containsExactly("pose", "start", "rep");
        assertThat(json.get("workerStartSeconds").asDouble()).isPositive();
        assertThat(json.get("workerPeakRssBytes").asLong()).isBetween(50L << 20, 600L << 20);
        Path recording = Path.of(json.get("profile").asText());
        assertThat(recording).startsWith(profile.toAbsolutePath());
        assertThat(Files.size(recording)).as("the worker wrote its flight recording on exit").isGreaterThan(10_000);
        assertThat(err.toString()).contains("s/trial").doesNotContain("not a message");
    }

    @Test
    void refusesRoundsOutOfRange() {
        assertThat(run("bench", "--rounds", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--rounds must be 1 to 100");
    }

    @Test
    void namesAMissingDataset() {
        assertThat(run("bench", "--dataset", dir.resolve("nowhere").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("nowhere").doesNotContain("Exception");
    }
}
