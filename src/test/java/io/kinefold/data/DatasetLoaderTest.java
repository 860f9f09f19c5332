package io.kinefold.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinefold.kind.Kinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {
    @TempDir
    Path dir;

    private static String recording(String id, String subject, String exercise, String startFrames, String reps) {
        return """
                {"id":"%s","source":"recordings/%s","subject":"%s","exercise":"%s","startFrames":%s,"reps":%s}"""
                .formatted(id, id, subject, exercise, startFrames, reps);
    }

    private void manifest(String... recordings) {
        Fixtures.write(dir.resolve("dataset.json"), """
                {"format":"kinefold-dataset/1","name":"t","fps":25,"recordings":[%s]}"""
                .formatted(String.join(",", recordings)));
    }

    private void twoExercises() {
        for (String id : new String[] {"s1-squat", "s2-squat", "s1-lunge"}) {
            Fixtures.recording(dir.resolve("recordings").resolve(id), id, 20);
        }
        manifest(
                recording("s1-squat", "s1", "squat", "[[0,3],[17,19]]", "[{\"start\":4,\"end\":16,\"correct\":true}]"),
                recording("s2-squat", "s2", "squat", "[[0,4]]",
                        "[{\"start\":5,\"end\":10,\"correct\":false},{\"start\":11,\"end\":19,\"correct\":true}]"),
                recording("s1-lunge", "s1", "lunge", "[[0,1]]", "[{\"start\":2,\"end\":19,\"correct\":false}]"));
    }

    @Test
    void loadsAManifestWithItsLabels() throws Exception {
        twoExercises();
        Dataset d = DatasetLoader.load(dir);
        assertThat(d.name()).isEqualTo("t");
        assertThat(d.fps()).isEqualTo(25);
        assertThat(d.labelled()).isTrue();
        assertThat(d.recordings()).extracting(Recording::id).containsExactly("s1-squat", "s2-squat", "s1-lunge");
        assertThat(d.exercises()).containsExactly("lunge", "squat");
        assertThat(d.subjects()).containsExactly("s1", "s2");
        assertThat(d.problems()).isEmpty();
        DatasetSummary s = DatasetSummary.of(d, Kinds.sampleCounts(d));
        assertThat(s.exercises().get("squat")).isEqualTo(new DatasetSummary.ExerciseSummary(2, 3, 2, 1, 12));
        assertThat(s.samples()).containsEntry("pose", 14).containsEntry("start:squat", 40).containsEntry("rep:squat", 3);
    }

    @Test
    void reportsAMissingSourceAndLoadsTheRest() throws Exception {
        twoExercises();
        Files.walk(dir.resolve("recordings/s2-squat")).sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        Dataset d = DatasetLoader.load(dir);
        assertThat(d.recordings()).extracting(Recording::id).containsExactly("s1-squat", "s1-lunge");
        assertThat(d.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("dataset.json");
            assertThat(p.message()).contains("recordings[1] (s2-squat).source").contains("does not exist");
        });
    }

    @Test
    void reportsARangeOutsideTheRecordingAndSkipsIt() throws Exception {
        Fixtures.recording(dir.resolve("recordings/a"), "a", 20);
        manifest(recording("a", "s1", "squat", "[[0,3],[18,25]]",
                "[{\"start\":4,\"end\":16,\"correct\":true},{\"start\":15,\"end\":40,\"correct\":false}]"));
        Dataset d = DatasetLoader.load(dir);
        Recording r = d.recordings().get(0);
        assertThat(r.startFrames()).containsExactly(new FrameRange(0, 3));
        assertThat(r.reps()).hasSize(1);
        assertThat(d.problems()).extracting(Problem::message).containsExactly(
                "recordings[0] (a).startFrames[1]: [18, 25] lies outside the recording (frames 0–19); skipped",
                "recordings[0] (a).reps[1]: frames 15–40 lie outside the recording (frames 0–19); rep skipped");
    }

    @Test
    void reportsAnUnknownExerciseInARep() throws Exception {
        Fixtures.recording(dir.resolve("recordings/a"), "a", 20);
        manifest(recording("a", "s1", "squat", "[[0,3]]",
                "[{\"start\":4,\"end\":16,\"correct\":true,\"exercise\":\"deadlift\"}]"));
        Dataset d = DatasetLoader.load(dir);
        assertThat(d.recordings().get(0).reps()).isEmpty();
        assertThat(d.problems()).singleElement().satisfies(p ->
                assertThat(p.message()).startsWith("recordings[0] (a).reps[0].exercise: 'deadlift' is unknown"));
    }

    @Test
    void reportsARecordingExerciseMissingFromTheDeclaredList() throws Exception {
        Fixtures.recording(dir.resolve("recordings/a"), "a", 20);
        Fixtures.write(dir.resolve("dataset.json"), """
                {"format":"kinefold-dataset/1","exercises":["squat"],"recordings":[%s]}"""
                .formatted(recording("a", "s1", "deadlift", "[[0,3]]", "[]")));
        Dataset d = DatasetLoader.load(dir);
        assertThat(d.recordings().get(0).labelled()).isFalse();
        assertThat(d.problems()).singleElement().satisfies(p ->
                assertThat(p.message()).contains(".exercise: 'deadlift' is not one of the dataset's exercises"));
    }

    @Test
    void readsTheFolderUnlabelledWhenTheManifestIsNotJson() throws Exception {
        Fixtures.recording(dir.resolve("recordings/a"), "a", 5);
        Fixtures.write(dir.resolve("dataset.json"), "{ this is not json");
        Dataset d = DatasetLoader.load(dir);
        assertThat(d.labelled()).isFalse();
        assertThat(d.recordings()).hasSize(1);
        assertThat(d.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("dataset.json");
            assertThat(p.message()).contains("not valid JSON").contains("line 1");
        });
    }

    @Test
    void loadsOneOpenPoseFolderAsOneUnlabelledRecording() throws Exception {
        Fixtures.recording(dir, "video", 4);
        Dataset d = DatasetLoader.load(dir);
        assertThat(d.labelled()).isFalse();
        assertThat(d.recordings()).singleElement().satisfies(r -> assertThat(r.track().frameCount()).isEqualTo(4));
        assertThat(d.exercises()).isEmpty();
    }

    @Test
    void loadsAFolderOfOpenPoseFoldersAsUnlabelledRecordings() throws Exception {
        Fixtures.recording(dir.resolve("b"), "b", 4);
        Fixtures.recording(dir.resolve("a"), "a", 3);
        Fixtures.write(dir.resolve("c.csv"), "0," + Fixtures.numbers(Fixtures.coco(0, 0, 0.9f)) + "\n");
        Dataset d = DatasetLoader.load(dir);
        assertThat(d.recordings()).extracting(Recording::id).containsExactly("a", "b", "c.csv");
    }

    @Test
    void failsOnlyWhenNothingIsUsable() {
        Fixtures.write(dir.resolve("dataset.json"), "{\"format\":\"kinefold-dataset/1\",\"recordings\":["
                + recording("a", "s", "squat", "[]", "[]") + "]}");
        assertThatThrownBy(() -> DatasetLoader.load(dir))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("nothing usable")
                .satisfies(e -> assertThat(((DatasetException) e).problems()).hasSize(1));
    }

    @Test
    void neverWritesIntoTheDatasetFolder() throws Exception {
        twoExercises();
        Fixtures.write(dir.resolve("recordings/s1-squat/bad_000000000099_keypoints.json"), "{broken");
        Map<Path, Long> before = snapshot();
        DatasetLoader.load(dir);
        assertThat(snapshot()).isEqualTo(before);
    }

    private Map<Path, Long> snapshot() throws IOException {
        Map<Path, Long> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                files.put(p, Files.getLastModifiedTime(p).toMillis() * 31 + (Files.isRegularFile(p) ? Files.size(p) : 0));
            }
        }
        return files;
    }

    @Test
    void saysSoWhenTheManifestListsNoRecordings() {
        manifest();
        assertThatThrownBy(() -> DatasetLoader.load(dir)).isInstanceOf(DatasetException.class)
                .satisfies(e -> assertThat(((DatasetException) e).problems()).extracting(Problem::message)
                        .containsExactly("recordings: the list is empty; no recording listed"));
    }

    @Test
    void aDatasetWhoseOnlyRecordingCannotBeReadSaysWhyAboutThatRecording() throws Exception {
        // Found by ReaderFuzzTest: the source is one OpenPose frame file, not its folder nor a CSV. The recording's
        // problem went to a log of its own, and "nothing usable" came with no problem at all.
        Fixtures.recording(dir.resolve("rec"), "v", 3);
        Fixtures.write(dir.resolve(DatasetLoader.MANIFEST), """
                {"format":"kinefold-dataset/1","name":"x","fps":1,"recordings":[{"id":"a",
                 "source":"rec/v_000000000000_keypoints.json","exercise":"squat","startFrames":[],"reps":[]}]}""");
        assertThatThrownBy(() -> DatasetLoader.load(dir)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("nothing usable (1 problem)")
                .satisfies(e -> assertThat(((DatasetException) e).problems()).singleElement()
                        .satisfies(p -> assertThat(p.file()).endsWith("v_000000000000_keypoints.json")));
    }

    @Test
    void aSourceThatIsNoPathIsAProblemNotACrash() throws Exception {
        Fixtures.recording(dir.resolve("recordings/a"), "a", 5);
        manifest(recording("a", "s1", "squat", "[]", "[]"), """
                {"id":"b","source":"rec\\u0000ordings"}""");
        Dataset d = DatasetLoader.load(dir);
        assertThat(d.recordings()).extracting(Recording::id).containsExactly("a");
        assertThat(d.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("recordings[1] (b).source: not a path on this system"));
    }
}
