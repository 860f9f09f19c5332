package io.kinefold.data;

import static io.kinefold.data.Fixtures.coco;
import static io.kinefold.data.Fixtures.frame;
import static io.kinefold.data.Fixtures.people;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordingReaderTest {
    @TempDir
    Path dir;

    private final ProblemLogHolder holder = new ProblemLogHolder();

    private PoseTrack read(Path source) {
        holder.log = new ProblemLog(dir);
        return new RecordingReader(holder.log).read(source).orElse(null);
    }

    private static final class ProblemLogHolder {
        ProblemLog log;
    }

    @Test
    void readsCurrentAndLegacyKeypointKeys() {
        frame(dir.resolve("a"), "a", 0, people("pose_keypoints_2d", coco(0, 0, 0.9f)));
        frame(dir.resolve("b"), "b", 0, people("pose_keypoints", coco(0, 0, 0.9f)));
        PoseTrack current = read(dir.resolve("a"));
        PoseTrack legacy = read(dir.resolve("b"));
        assertThat(current.points()[0]).containsExactly(legacy.points()[0]);
        assertThat(current.presentCount(0)).isEqualTo(14);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            75, BODY_25
            54, COCO_18
            45, MPI_15
            """)
    void tellsTheBodyModelFromTheArrayLength(int length, BodyLayout expected) {
        float[] values = new float[length];
        Arrays.fill(values, 0.5f);
        for (int i = 0; i < length; i += 3) {
            values[i] = 10 + i;
            values[i + 1] = 20 + i;
        }
        frame(dir.resolve("r"), "r", 0, people(values));
        assertThat(read(dir.resolve("r")).layout()).isEqualTo(expected);
    }

    @Test
    void projectsBody25OntoTheFourteenKeypointsSkippingMidHip() {
        frame(dir.resolve("r"), "r", 0, people(Fixtures.body25(0, 0)));
        PoseTrack track = read(dir.resolve("r"));
        float[] expected = coco(0, 0, 0.9f);
        for (int k = 0; k < 14; k++) {
            assertThat(track.points()[0][k * 3]).as("x of keypoint %d", k).isEqualTo(expected[k * 3], org.assertj.core.data.Offset.offset(1e-3f));
            assertThat(track.points()[0][k * 3 + 1]).as("y of keypoint %d", k).isEqualTo(expected[k * 3 + 1], org.assertj.core.data.Offset.offset(1e-3f));
        }
    }

    @Test
    void ordersFramesByTheNumberInTheFileNameNotByTheListing() {
        Path r = dir.resolve("r");
        frame(r, "b", 1, people(coco(1, 0, 0.9f)));
        frame(r, "a", 2, people(coco(2, 0, 0.9f)));
        frame(r, "c", 0, people(coco(0, 0, 0.9f)));
        PoseTrack track = read(r);
        assertThat(track.frameNumbers()).containsExactly(0, 1, 2);
        assertThat(track.points()[2][0]).isEqualTo(102f);
    }

    @Test
    void keepsAFrameWithNoPersonAsAllMissing() {
        Path r = Fixtures.recording(dir.resolve("r"), "r", 3);
        frame(r, "r", 3, "{\"version\":1.3,\"people\":[]}");
        PoseTrack track = read(r);
        assertThat(track.frameCount()).isEqualTo(4);
        assertThat(track.presentCount(3)).isZero();
        assertThat(holder.log.problems()).isEmpty();
    }

    @Test
    void followsTheSubjectWhenAMoreConfidentBystanderAppears() {
        Path r = dir.resolve("r");
        for (int f = 0; f < 5; f++) {
            float[] subject = coco(f, 0, 0.6f);
            float[] bystander = coco(600, 20, 0.95f);
            frame(r, "r", f, f == 0 ? people(subject) : (f % 2 == 0 ? people(bystander, subject) : people(subject, bystander)));
        }
        PoseTrack track = read(r);
        for (int f = 0; f < 5; f++) {
            assertThat(track.points()[f][0]).as("head x in frame %d", f).isEqualTo(100f + f);
        }
    }

    @Test
    void choosesTheMostConfidentPersonWhenThereIsNoHistory() {
        frame(dir.resolve("r"), "r", 0, people(coco(600, 0, 0.3f), coco(0, 0, 0.9f)));
        assertThat(read(dir.resolve("r")).points()[0][0]).isEqualTo(100f);
    }

    @Test
    void treatsZeroTriplesAsMissingKeypoints() {
        float[] p = coco(0, 0, 0.9f);
        p[4 * 3] = 0;
        p[4 * 3 + 1] = 0;
        p[4 * 3 + 2] = 0;
        frame(dir.resolve("r"), "r", 0, people(p));
        PoseTrack track = read(dir.resolve("r"));
        assertThat(track.present(0, 4)).isFalse();
        assertThat(track.presentCount(0)).isEqualTo(13);
    }

    @Test
    void recognisesCoordinatesNormalisedToTheUnitSquare() {
        float[] p = coco(0, 0, 0.9f);
        for (int k = 0; k < 18; k++) {
            p[k * 3] /= 1280f;
            p[k * 3 + 1] /= 720f;
        }
        frame(dir.resolve("n"), "n", 0, people(p));
        frame(dir.resolve("px"), "px", 0, people(coco(0, 0, 0.9f)));
        assertThat(read(dir.resolve("n")).normalisedCoordinates()).isTrue();
        assertThat(read(dir.resolve("px")).normalisedCoordinates()).isFalse();
    }

    @Test
    void readsCsvRecordingsWithOrWithoutHeader() {
        StringBuilder withHeader = new StringBuilder("frame");
        for (int k = 0; k < 18; k++) {
            withHeader.append(",x").append(k).append(",y").append(k).append(",c").append(k);
        }
        withHeader.append('\n');
        StringBuilder plain = new StringBuilder();
        for (int f = 0; f < 3; f++) {
            String row = f + "," + Fixtures.numbers(coco(f, 0, 0.8f)) + "\n";
            withHeader.append(row);
            plain.append(row);
        }
        Fixtures.write(dir.resolve("h.csv"), withHeader.toString());
        Fixtures.write(dir.resolve("p.csv"), plain.toString());
        PoseTrack h = read(dir.resolve("h.csv"));
        PoseTrack p = read(dir.resolve("p.csv"));
        assertThat(h.frameNumbers()).containsExactly(0, 1, 2);
        assertThat(h.layout()).isEqualTo(BodyLayout.COCO_18);
        assertThat(p.points()[2]).containsExactly(h.points()[2]);
        assertThat(holder.log.problems()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            invalid JSON          | {"version":1.3,"people":[{]}                          | not valid JSON
            truncated file        | {"version":1.3,"people":[{"pose_keypoints_2d":[1.0,2 | truncated JSON
            wrong array length    | {"version":1.3,"people":[{"pose_keypoints_2d":[1,2,3,4,5,6]}]} | fits no body model
            no people array       | {"version":1.3}                                       | no 'people' array
            empty file            | ''                                                    | empty file
            """)
    void reportsABadFrameByFileAndReadsTheRest(String what, String content, String message) {
        Path r = Fixtures.recording(dir.resolve("r"), "r", 3);
        Path bad = frame(r, "r", 3, content);
        PoseTrack track = read(r);
        assertThat(track).isNotNull();
        assertThat(track.frameCount()).isGreaterThanOrEqualTo(3);
        assertThat(holder.log.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("r/" + bad.getFileName());
            assertThat(p.message()).contains(message);
        });
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            NaN
            Infinity
            -Infinity
            1e400
            """)
    void reportsNonFiniteNumbersAndTreatsThemAsMissing(String value) {
        String numbers = Fixtures.numbers(coco(0, 0, 0.9f));
        String[] parts = numbers.split(",");
        parts[3 * 3] = value; // x of the right elbow
        Path r = dir.resolve("r");
        frame(r, "r", 0, "{\"version\":1.3,\"people\":[{\"pose_keypoints_2d\":[" + String.join(",", parts) + "]}]}");
        PoseTrack track = read(r);
        assertThat(track.present(0, 3)).isFalse();
        assertThat(holder.log.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("r/r_000000000000_keypoints.json");
            assertThat(p.message()).contains("people[0].pose_keypoints_2d[9]");
        });
    }

    @Test
    void reportsAnEmptyRecording() {
        Path r = dir.resolve("empty");
        Fixtures.write(r.resolve("notes.txt"), "nothing here");
        assertThat(read(r)).isNull();
        assertThat(holder.log.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("empty");
            assertThat(p.message()).contains("empty recording");
        });
    }

    @Test
    void reportsARecordingInWhichNobodyWasDetected() {
        Path r = dir.resolve("r");
        frame(r, "r", 0, "{\"version\":1.3,\"people\":[]}");
        frame(r, "r", 1, "{\"version\":1.3,\"people\":[]}");
        assertThat(read(r)).isNull();
        assertThat(holder.log.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("no person detected"));
    }
}
