package io.kinefold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return KinefoldCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    private void person(Path folder, int frame, String content) throws Exception {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(String.format(Locale.ROOT, "v_%012d_keypoints.json", frame)), content);
    }

    private static String coco() {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < 18; k++) {
            b.append(k == 0 ? "" : ",").append(100 + k).append(',').append(40 + 15 * k).append(",0.8");
        }
        return "{\"version\":1.3,\"people\":[{\"pose_keypoints_2d\":[" + b + "]}]}";
    }

    private void dataset() throws Exception {
        for (int f = 0; f < 12; f++) {
            person(dir.resolve("rec/a"), f, coco());
        }
        person(dir.resolve("rec/a"), 12, "{\"people\":[{\"pose_keypoints_2d\":[1,2,3]}]}");
        Files.writeString(dir.resolve("dataset.json"), """
                {"format":"kinefold-dataset/1","name":"tiny","recordings":[
                 {"id":"a","source":"rec/a","subject":"s1","exercise":"squat","startFrames":[[0,2]],
                  "reps":[{"start":3,"end":11,"correct":true},{"start":3,"end":30,"correct":false}]},
                 {"id":"gone","source":"rec/gone","exercise":"squat"}]}""");
    }

    @Test
    void printsOneJsonDocumentWithTheCountsAndEveryProblem() throws Exception {
        dataset();
        assertThat(run("dataset", "inspect", dir.toString(), "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("recordings").asInt()).isEqualTo(1);
        assertThat(json.get("frames").asInt()).isEqualTo(13);
        assertThat(json.get("droppedFrames").asInt()).isEqualTo(1);
        assertThat(json.get("layouts").get("COCO_18").asInt()).isEqualTo(1);
        JsonNode squat = json.get("exercises").get("squat");
        assertThat(squat.get("reps").asInt()).isEqualTo(1);
        assertThat(squat.get("correctReps").asInt()).isEqualTo(1);
        assertThat(squat.get("incorrectReps").asInt()).isZero();
        assertThat(squat.get("startFrames").asInt()).isEqualTo(3);
        assertThat(json.get("subjects").asInt()).isEqualTo(1);
        assertThat(json.get("samples").get("rep:squat").asInt()).isEqualTo(1);
        assertThat(json.get("problems")).hasSize(3);
        assertThat(json.get("problems").findValuesAsText("file"))
                .containsExactly("dataset.json", "rec/a/v_000000000012_keypoints.json", "dataset.json");
    }

    @Test
    void printsAReadableReportWithoutJson() throws Exception {
        dataset();
        assertThat(run("dataset", "inspect", dir.toString())).isZero();
        assertThat(out.toString())
                .contains("Dataset tiny")
                .contains("recordings     1")
                .contains("Problems: 3")
                .contains("rec/a/v_000000000012_keypoints.json: people[0].pose_keypoints_2d has 3 values");
    }

    @Test
    void exitsWithTwoAndNoStackTraceWhenNothingIsUsable() throws Exception {
        Files.writeString(dir.resolve("dataset.json"), "{\"recordings\":[{\"id\":\"x\",\"source\":\"nowhere\"}]}");
        assertThat(run("dataset", "inspect", dir.toString(), "--json")).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("nothing usable").contains("'nowhere' does not exist").doesNotContain("Exception");
    }

    @Test
    void exitsWithTwoOnBadUsage() {
        assertThat(run("dataset", "inspect")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter");
    }

    @Test
    void printsTheVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("Kinefold ");
    }
}
