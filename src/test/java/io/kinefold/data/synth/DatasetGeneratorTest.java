package io.kinefold.data.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kinefold.data.synth.DatasetGenerator.Options;
import io.kinefold.data.synth.DatasetGenerator.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatasetGeneratorTest {

    private static final Options SMALL = new Options(3, 7, 2, 20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> EXERCISES = List.of("squat", "push-up", "lunge", "shoulder-press");

    @TempDir
    static Path shared;
    private static Path dataset;
    private static Summary summary;
    private static JsonNode manifest;

    @BeforeAll
    static void generateOnce() throws IOException {
        dataset = shared.resolve("generated");
        summary = DatasetGenerator.generate(dataset, SMALL);
        manifest = JSON.readTree(dataset.resolve("dataset.json").toFile());
    }

    @Test
    void sameOptionsGiveByteIdenticalFiles(@TempDir Path dir) throws IOException {
        DatasetGenerator.generate(dir.resolve("again"), SMALL);

        assertThat(hashes(dir.resolve("again"))).isEqualTo(hashes(dataset));
    }

    @Test
    void anotherSeedGivesOtherData(@TempDir Path dir) throws IOException {
        DatasetGenerator.generate(dir.resolve("other"), new Options(SMALL.subjects(), 8, SMALL.repsPerRecording(), SMALL.fps()));

        Map<String, String> other = hashes(dir.resolve("other"));
        Map<String, String> ours = hashes(dataset);
        assertThat(other.get("dataset.json")).isNotEqualTo(ours.get("dataset.json"));
        String frame = "recordings/s01-squat/s01-squat_000000000010_keypoints.json";
        assertThat(other.get(frame)).isNotEqualTo(ours.get(frame));
    }

    @Test
    void aSubjectDoesNotChangeWhenMoreSubjectsAreGenerated(@TempDir Path dir) throws IOException {
        DatasetGenerator.generate(dir.resolve("fewer"), new Options(2, SMALL.seed(), SMALL.repsPerRecording(), SMALL.fps()));

        Map<String, String> fewer = hashes(dir.resolve("fewer").resolve("recordings"));
        Map<String, String> ours = hashes(dataset.resolve("recordings"));
        assertThat(fewer).isNotEmpty();
        fewer.forEach((file, hash) -> assertThat(ours).containsEntry(file, hash));
    }

    @Test
    void manifestHasTheDocumentedFieldsInOrder() {
        assertThat(fieldNames(manifest)).containsExactly("format", "name", "fps", "generator", "recordings");
        assertThat(manifest.get("format").asText()).isEqualTo("kinefold-dataset/1");
        assertThat(manifest.get("name").asText()).isEqualTo("synthetic-7");
        assertThat(manifest.get("fps").asInt()).isEqualTo(20);
        JsonNode generator = manifest.get("generator");
        assertThat(fieldNames(generator)).containsExactly("tool", "subjects", "seed");
        assertThat(generator.get("tool").asText()).isEqualTo("kinefold dataset generate");
        assertThat(generator.get("subjects").asInt()).isEqualTo(3);
        assertThat(generator.get("seed").asLong()).isEqualTo(7);
        for (JsonNode recording : manifest.get("recordings")) {
            assertThat(fieldNames(recording))
                    .containsExactly("id", "source", "subject", "exercise", "startFrames", "reps");
            for (JsonNode rep : recording.get("reps")) {
                List<String> expected = rep.get("correct").asBoolean()
                        ? List.of("start", "end", "correct")
                        : List.of("start", "end", "correct", "fault");
                assertThat(fieldNames(rep)).isEqualTo(expected);
            }
        }
    }

    @Test
    void writesOneRecordingPerSubjectAndExerciseInOrder() {
        List<String> ids = new ArrayList<>();
        for (JsonNode recording : manifest.get("recordings")) {
            String id = recording.get("id").asText();
            ids.add(id);
            assertThat(id).isEqualTo(recording.get("subject").asText() + "-" + recording.get("exercise").asText());
            assertThat(recording.get("source").asText()).isEqualTo("recordings/" + id);
            assertThat(dataset.resolve("recordings").resolve(id)).isDirectory();
        }
        List<String> expected = new ArrayList<>();
        for (String subject : List.of("s01", "s02", "s03")) {
            EXERCISES.forEach(exercise -> expected.add(subject + "-" + exercise));
        }
        assertThat(ids).isEqualTo(expected);
    }

    @Test
    void holdsAndRepsTileEachRecordingWithoutOverlap() throws IOException {
        for (JsonNode recording : manifest.get("recordings")) {
            int frames = frameFiles(recording.get("id").asText()).size();
            JsonNode holds = recording.get("startFrames");
            JsonNode reps = recording.get("reps");
            assertThat(reps).hasSize(SMALL.repsPerRecording());
            assertThat(holds).hasSize(reps.size() + 1);
            // Hold, rep, hold, …, hold: each range starts right after the previous one ends.
            int next = 0;
            for (int i = 0; i < holds.size(); i++) {
                next = checkRange(holds.get(i).get(0).asInt(), holds.get(i).get(1).asInt(), next, frames);
                if (i < reps.size()) {
                    next = checkRange(reps.get(i).get("start").asInt(), reps.get(i).get("end").asInt(), next, frames);
                }
            }
            assertThat(next).as("frames covered in %s", recording.get("id")).isEqualTo(frames);
        }
    }

    private static int checkRange(int start, int end, int expectedStart, int frames) {
        assertThat(start).isEqualTo(expectedStart);
        assertThat(end).isGreaterThanOrEqualTo(start).isLessThan(frames);
        return end + 1;
    }

    @Test
    void everyFrameIsOpenPoseJsonWithBody25Arrays() throws IOException {
        int people = 0;
        int missed = 0;
        int keypoints = 0;
        int empty = 0;
        int crowded = 0;
        for (JsonNode recording : manifest.get("recordings")) {
            String id = recording.get("id").asText();
            List<Path> files = frameFiles(id);
            for (int f = 0; f < files.size(); f++) {
                assertThat(files.get(f).getFileName().toString())
                        .isEqualTo(String.format("%s_%012d_keypoints.json", id, f));
                JsonNode frame = JSON.readTree(files.get(f).toFile());
                assertThat(frame.get("version").asDouble()).isEqualTo(1.3);
                JsonNode found = frame.get("people");
                empty += found.isEmpty() ? 1 : 0;
                crowded += found.size() > 1 ? 1 : 0;
                for (JsonNode person : found) {
                    people++;
                    JsonNode values = person.get("pose_keypoints_2d");
                    assertThat(values).hasSize(75);
                    for (int k = 0; k < 75; k += 3) {
                        double x = values.get(k).asDouble();
                        double y = values.get(k + 1).asDouble();
                        double c = values.get(k + 2).asDouble();
                        keypoints++;
                        if (c == 0) {
                            assertThat(x).isZero();
                            assertThat(y).isZero();
                            missed++;
                        } else {
                            assertThat(x).isBetween(0.0, 1280.0);
                            assertThat(y).isBetween(0.0, 720.0);
                            assertThat(c).isBetween(0.3, 0.95);
                        }
                    }
                }
            }
        }
        assertThat(people).isPositive();
        assertThat((double) missed / keypoints).as("share of missed keypoints").isBetween(0.02, 0.15);
        assertThat(empty).as("frames without a person").isPositive();
        assertThat(crowded).as("frames with a bystander").isPositive();
    }

    @Test
    void everyExerciseHasCorrectAndFaultyRepsWithItsOwnFaults() {
        Map<String, List<String>> faults = Map.of(
                "squat", List.of("shallow-depth", "knee-over-toe"),
                "push-up", List.of("sagging-hips", "incomplete-lockout"),
                "lunge", List.of("knee-over-toe", "shallow-depth"),
                "shoulder-press", List.of("incomplete-lockout", "arched-back"));
        for (JsonNode recording : manifest.get("recordings")) {
            String exercise = recording.get("exercise").asText();
            List<Boolean> correct = new ArrayList<>();
            for (JsonNode rep : recording.get("reps")) {
                correct.add(rep.get("correct").asBoolean());
                if (rep.has("fault")) {
                    assertThat(faults.get(exercise)).contains(rep.get("fault").asText());
                }
            }
            // With two or more reps a recording always mixes both kinds.
            assertThat(correct).as(recording.get("id").asText()).contains(true, false);
        }
    }

    @Test
    void summaryCountsWhatWasWritten() throws IOException {
        int frames = 0;
        int reps = 0;
        int correct = 0;
        for (JsonNode recording : manifest.get("recordings")) {
            frames += frameFiles(recording.get("id").asText()).size();
            for (JsonNode rep : recording.get("reps")) {
                reps++;
                correct += rep.get("correct").asBoolean() ? 1 : 0;
            }
        }
        long bytes;
        try (Stream<Path> files = Files.walk(dataset)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(DatasetGeneratorTest::size).sum();
        }
        assertThat(summary).isEqualTo(new Summary(dataset, 12, frames, reps, correct, bytes));
    }

    @Test
    void refusesANonEmptyOutputDirectory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "keep me");

        assertThatThrownBy(() -> DatasetGenerator.generate(dir, SMALL))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not empty");
        try (Stream<Path> entries = Files.list(dir)) {
            assertThat(entries).containsExactly(dir.resolve("notes.txt"));
        }
        assertThat(dir.resolve("notes.txt")).hasContent("keep me");
    }

    @Test
    void refusesAFileAsOutputDirectory(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("data"), "");

        assertThatThrownBy(() -> DatasetGenerator.generate(file, SMALL))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a directory");
    }

    @Test
    void writesIntoAnExistingEmptyDirectory(@TempDir Path dir) throws IOException {
        Summary written = DatasetGenerator.generate(dir, new Options(1, 3, 1, 10));

        assertThat(written.recordings()).isEqualTo(4);
        assertThat(dir.resolve("dataset.json")).isRegularFile();
    }

    @Test
    void defaultsAreTwelveSubjectsSeedOneFourRepsAtThirtyFps() {
        assertThat(Options.defaults()).isEqualTo(new Options(12, 1, 8, 15, "demo"));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            0,   4,  30, subjects
            201, 4,  30, subjects
            12,  0,  30, repsPerRecording
            12,  21, 30, repsPerRecording
            12,  4,  9,  fps
            12,  4,  61, fps
            """)
    void rejectsOptionsOutOfRange(int subjects, int reps, int fps, String field) {
        assertThatThrownBy(() -> new Options(subjects, 1, reps, fps))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(field + " must be between");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            1,   1,  10
            200, 20, 60
            """)
    void acceptsOptionsAtTheLimits(int subjects, int reps, int fps) {
        assertThat(new Options(subjects, -5, reps, fps).seed()).isEqualTo(-5);
    }

    private static List<Path> frameFiles(String id) throws IOException {
        try (Stream<Path> files = Files.list(dataset.resolve("recordings").resolve(id))) {
            return files.sorted().toList();
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of every file under {@code root}, by relative path with forward slashes. */
    private static Map<String, String> hashes(Path root) throws IOException {
        Map<String, String> result = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                result.put(name, HexFormat.of().formatHex(sha256(Files.readAllBytes(file))));
            }
        }
        return result;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void writesOneCsvPerRecordingWithTheSameLabelsAsJson(@TempDir Path dir) throws Exception {
        Options small = new Options(2, 4, 2, 15);
        Summary json = DatasetGenerator.generate(dir.resolve("json"), small);
        Summary csv = DatasetGenerator.generate(dir.resolve("csv"), small, true);
        try (Stream<Path> files = Files.list(dir.resolve("csv").resolve(DatasetGenerator.RECORDINGS))) {
            assertThat(files.map(f -> f.getFileName().toString())).hasSize(csv.recordings()).allMatch(n -> n.endsWith(".csv"));
        }
        io.kinefold.data.Dataset fromCsv = io.kinefold.data.DatasetLoader.load(dir.resolve("csv"));
        io.kinefold.data.Dataset fromJson = io.kinefold.data.DatasetLoader.load(dir.resolve("json"));
        assertThat(fromCsv.problems()).isEmpty();
        assertThat(fromCsv.frames()).isEqualTo(json.frames());
        assertThat(fromCsv.recordings()).extracting(r -> r.reps().size())
                .containsExactlyElementsOf(fromJson.recordings().stream().map(r -> r.reps().size()).toList());
        assertThat(csv.reps()).isEqualTo(json.reps());
        assertThat(csv.correctReps()).isEqualTo(json.correctReps());
    }
}
