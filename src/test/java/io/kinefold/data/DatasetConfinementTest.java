package io.kinefold.data;

import static io.kinefold.data.Fixtures.coco;
import static io.kinefold.data.Fixtures.people;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kinefold.Fifos;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dataset reads only regular files inside its own folder, of bounded size, and says what it skipped. */
class DatasetConfinementTest {
    /** Content that must never appear in a problem: parsing it as CSV or JSON would quote it. */
    private static final String SECRET = "root:SECRET-HASH:19000:0:99999:7:::";

    @TempDir
    Path tmp;

    private Path dataset;
    private Path outside;

    private void folders() throws IOException {
        dataset = Files.createDirectories(tmp.resolve("dataset"));
        outside = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(outside.resolve("shadow"), SECRET + "\n");
        Fixtures.recording(dataset.resolve("recordings/good"), "good", 10);
    }

    private void manifest(String secondSource) {
        Fixtures.write(dataset.resolve("dataset.json"), """
                {"format":"kinefold-dataset/1","name":"t","recordings":[
                 {"id":"good","source":"recordings/good","subject":"s1","exercise":"squat"},
                 {"id":"evil","source":"%s","subject":"s2","exercise":"squat"}]}""".formatted(secondSource.replace("\\", "\\\\")));
    }

    private void goodOnly() {
        Fixtures.write(dataset.resolve("dataset.json"), """
                {"format":"kinefold-dataset/1","name":"t","recordings":[{"id":"good","source":"recordings/good","exercise":"squat"}]}""");
    }

    private static void assertNothingOf(Dataset d, String secret) {
        assertThat(d.problems()).allSatisfy(p -> assertThat(p.toString()).doesNotContain(secret).doesNotContain("SECRET"));
    }

    @Test
    void refusesASourceThatClimbsOutOfTheDatasetFolder() throws Exception {
        folders();
        manifest("../elsewhere/shadow");
        Dataset d = DatasetLoader.load(dataset);
        assertThat(d.recordings()).extracting(Recording::id).containsExactly("good");
        assertThat(d.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("dataset.json");
            assertThat(p.message()).contains("recordings[1] (evil).source").contains("outside the dataset folder");
        });
        assertNothingOf(d, SECRET);
    }

    @Test
    void refusesAnAbsoluteSourceOutsideTheFolder() throws Exception {
        folders();
        manifest(outside.resolve("shadow").toString());
        Dataset d = DatasetLoader.load(dataset);
        assertThat(d.recordings()).extracting(Recording::id).containsExactly("good");
        assertThat(d.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("(evil)").contains("outside"));
        assertNothingOf(d, SECRET);
    }

    @Test
    void refusesALinkInsideTheFolderThatPointsOutOfIt() throws Exception {
        folders();
        Fixtures.recording(outside.resolve("frames"), "x", 5);
        Files.createSymbolicLink(dataset.resolve("recordings/link"), outside.resolve("frames"));
        Files.createSymbolicLink(dataset.resolve("recordings/file.csv"), outside.resolve("shadow"));
        Fixtures.write(dataset.resolve("dataset.json"), """
                {"format":"kinefold-dataset/1","name":"t","recordings":[
                 {"id":"good","source":"recordings/good","exercise":"squat"},
                 {"id":"linked","source":"recordings/link","exercise":"squat"},
                 {"id":"csv","source":"recordings/file.csv","exercise":"squat"}]}""");
        Dataset d = DatasetLoader.load(dataset);
        assertThat(d.recordings()).extracting(Recording::id).containsExactly("good");
        assertThat(d.problems()).extracting(Problem::message).satisfiesExactly(
                m -> assertThat(m).contains("(linked).source").contains("outside"),
                m -> assertThat(m).contains("(csv).source").contains("outside"));
        assertNothingOf(d, SECRET);
    }

    @Test
    void refusesAFrameFileThatLinksOutOfTheFolder() throws Exception {
        folders();
        Path stolen = outside.resolve("x_000000000099_keypoints.json");
        Files.writeString(stolen, "{\"secret\": \"" + SECRET + "\"");
        Files.createSymbolicLink(dataset.resolve("recordings/good/good_000000000010_keypoints.json"), stolen);
        goodOnly();
        Dataset d = DatasetLoader.load(dataset);
        assertThat(d.recordings().get(0).track().frameCount()).isEqualTo(10);
        assertThat(d.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("recordings/good/good_000000000010_keypoints.json");
            assertThat(p.message()).contains("outside the dataset folder").contains("frame skipped");
        });
        assertNothingOf(d, SECRET);
    }

    @Test
    void refusesAManifestThatLinksOutOfTheFolder() throws Exception {
        folders();
        Files.createSymbolicLink(dataset.resolve("dataset.json"), outside.resolve("shadow"));
        Dataset d = DatasetLoader.load(dataset);
        assertThat(d.labelled()).isFalse();
        assertThat(d.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("dataset.json");
            assertThat(p.message()).contains("outside the dataset folder");
        });
        assertNothingOf(d, SECRET);
    }

    @Test
    void aFifoNamedLikeAFrameIsAProblemAndDoesNotHang() throws Exception {
        folders();
        Path fifo = dataset.resolve("recordings/good/good_000000000010_keypoints.json");
        assumeTrue(Fifos.make(fifo), "mkfifo is not available");
        goodOnly();
        Dataset d = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> DatasetLoader.load(dataset));
        assertThat(d.recordings().get(0).track().frameCount()).isEqualTo(10);
        assertThat(d.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("recordings/good/good_000000000010_keypoints.json");
            assertThat(p.message()).contains("not a regular file").contains("frame skipped");
        });
    }

    @Test
    void aFifoAsACsvSourceIsAProblemAndDoesNotHang() throws Exception {
        folders();
        assumeTrue(Fifos.make(dataset.resolve("recordings/pipe.csv")), "mkfifo is not available");
        manifest("recordings/pipe.csv");
        Dataset d = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> DatasetLoader.load(dataset));
        assertThat(d.recordings()).extracting(Recording::id).containsExactly("good");
        assertThat(d.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("(evil).source").contains("not a regular file"));
    }

    @Test
    void aDeviceAsASourceIsAProblem() throws Exception {
        folders();
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        Files.createSymbolicLink(dataset.resolve("recordings/zero.csv"), Path.of("/dev/zero"));
        manifest("recordings/zero.csv");
        Dataset d = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> DatasetLoader.load(dataset));
        assertThat(d.recordings()).extracting(Recording::id).containsExactly("good");
        assertThat(d.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("(evil).source"));
    }

    @Test
    void aHugeFrameFileIsAProblemAndIsNotRead() throws Exception {
        folders();
        Path huge = dataset.resolve("recordings/good/good_000000000010_keypoints.json");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(300L << 20); // sparse: takes no disk, but reading it whole would take 300 MB and more
        }
        goodOnly();
        Dataset d = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> DatasetLoader.load(dataset));
        assertThat(d.recordings().get(0).track().frameCount()).isEqualTo(10);
        assertThat(d.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("recordings/good/good_000000000010_keypoints.json");
            assertThat(p.message()).contains("300 MB").contains("above the limit of 16 MB").contains("frame skipped");
        });
    }

    @Test
    void aFrameNumberBeyondAnIntIsAProblemNotAFailure() throws Exception {
        folders();
        Path big = Fixtures.frame(dataset.resolve("recordings/good"), "good", 0, people(coco(0, 0, 0.8f)))
                .resolveSibling("good_123456789012_keypoints.json");
        Files.writeString(big, people(coco(0, 0, 0.8f)));
        Files.writeString(big.resolveSibling("good_00000000000000000012_keypoints.json"), people(coco(0, 0, 0.8f)));
        goodOnly();
        Dataset d = DatasetLoader.load(dataset);
        assertThat(d.recordings().get(0).track().frameNumbers()).contains(0, 9, 12);
        assertThat(d.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("recordings/good/good_123456789012_keypoints.json");
            assertThat(p.message()).contains("frame number 123456789012").contains("frame skipped");
        });
    }

    @Test
    void aDatasetOfOnlyRefusedSourcesIsADatasetException() throws Exception {
        folders();
        Fixtures.write(dataset.resolve("dataset.json"), """
                {"format":"kinefold-dataset/1","recordings":[{"id":"evil","source":"../elsewhere/shadow"}]}""");
        Files.walk(dataset.resolve("recordings")).sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        assertThatThrownBy(() -> DatasetLoader.load(dataset)).isInstanceOf(DatasetException.class)
                .satisfies(e -> assertThat(((DatasetException) e).problems()).extracting(Problem::message)
                        .anySatisfy(m -> assertThat(m).contains("(evil).source").contains("outside")))
                .satisfies(e -> assertThat(((DatasetException) e).problems().toString()).doesNotContain("SECRET"));
    }
}
