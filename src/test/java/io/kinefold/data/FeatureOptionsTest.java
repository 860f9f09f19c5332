package io.kinefold.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each choice of {@link FeatureOptions} makes of a track, on synthetic people. */
class FeatureOptionsTest {
    private static final int X = 0, Y = 1;

    @TempDir
    Path dir;

    /** Fourteen keypoints x,y,c of {@link Fixtures#coco}'s standing person: neck (100, 80), hips at y = 180. */
    private static float[] person(float dx) {
        float[] p = new float[Skeleton.KEYPOINT_COUNT * 3];
        System.arraycopy(Fixtures.coco(dx, 0, 0.9f), 0, p, 0, p.length);
        return p;
    }

    private static NormalizedTrack normalize(float[]... frames) {
        int[] numbers = new int[frames.length];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = i;
        }
        return Normalizer.normalize(new PoseTrack(numbers, frames, BodyLayout.COCO_18, false));
    }

    private static float at(float[] features, int keypoint, int axis) {
        return features[keypoint * 2 + axis];
    }

    @Test
    void defaultOptionsGiveTheNeckCentredFeaturesThemselves() {
        NormalizedTrack t = normalize(person(0), person(30), person(60));

        assertThat(t.features(FeatureOptions.DEFAULT)).isSameAs(t.features());
        assertThat(t.features(new FeatureOptions(Centring.NECK, false, false))).isSameAs(t.features());
    }

    @ParameterizedTest(name = "{0}, velocities {1}, angles {2}: {3} features")
    @CsvSource(textBlock = """
            NECK, false, false, 28
            HIP,  false, false, 28
            NONE, false, false, 28
            NECK, true,  false, 56
            HIP,  false, true,  36
            NONE, true,  true,  64
            """)
    void countsTheFeaturesOfEachChoice(Centring centring, boolean velocities, boolean angles, int count) {
        FeatureOptions options = new FeatureOptions(centring, velocities, angles);
        NormalizedTrack t = normalize(person(0), person(10));

        assertThat(options.count()).isEqualTo(count);
        assertThat(t.features(options)).hasDimensions(2, count);
    }

    @Test
    void hipCentringKeepsAShoulderRiseThatNeckCentringCancels() {
        float[] rest = person(0);
        float[] shrug = person(0);
        for (int k = Skeleton.HEAD; k <= Skeleton.LEFT_WRIST; k++) {
            shrug[k * 3 + 1] -= 20; // head, neck, shoulders and arms 20 px up; hips and legs stay
        }
        NormalizedTrack t = normalize(rest, shrug);

        float[][] neck = t.features(new FeatureOptions(Centring.NECK, false, false));
        assertThat(at(neck[1], Skeleton.RIGHT_SHOULDER, Y)).isEqualTo(at(neck[0], Skeleton.RIGHT_SHOULDER, Y));

        // torso 100 px at rest and 120 px in the shrug: the scale is their median, 110 px
        float[][] hip = t.features(new FeatureOptions(Centring.HIP, false, false));
        assertThat(at(hip[1], Skeleton.RIGHT_SHOULDER, Y) - at(hip[0], Skeleton.RIGHT_SHOULDER, Y))
                .isCloseTo(-20f / 110, within(1e-5f));
        assertThat(at(hip[1], Skeleton.RIGHT_HIP, Y)).isEqualTo(at(hip[0], Skeleton.RIGHT_HIP, Y));
        assertThat(at(hip[0], Skeleton.RIGHT_HIP, X)).isCloseTo(-10f / 110, within(1e-5f)); // hip midpoint at x = 100
    }

    @Test
    void noCentringGivesTheCoordinatesAsRecorded() {
        NormalizedTrack t = normalize(person(0), person(7));

        float[][] raw = t.features(new FeatureOptions(Centring.NONE, false, false));

        assertThat(at(raw[1], Skeleton.NECK, X)).isEqualTo(107f);
        assertThat(at(raw[1], Skeleton.LEFT_ANKLE, Y)).isEqualTo(300f);
    }

    @Test
    void velocitiesOfATrackMovingAtConstantSpeed() {
        NormalizedTrack t = normalize(person(0), person(5), person(10), person(15));
        int first = Skeleton.FEATURES;

        float[][] none = t.features(new FeatureOptions(Centring.NONE, true, false));
        float[][] hip = t.features(new FeatureOptions(Centring.HIP, true, false));
        float[][] neck = t.features(new FeatureOptions(Centring.NECK, true, false));

        for (int f = first; f < 2 * Skeleton.FEATURES; f++) {
            assertThat(none[0][f]).as("first frame").isZero();
            assertThat(neck[2][f]).as("neck-centred frames do not move").isZero();
        }
        for (int j = 1; j < 4; j++) {
            for (int k = 0; k < Skeleton.KEYPOINT_COUNT; k++) {
                assertThat(none[j][first + k * 2]).isEqualTo(5f);
                assertThat(none[j][first + k * 2 + 1]).isZero();
                assertThat(hip[j][first + k * 2]).isCloseTo(0.05f, within(1e-6f)); // 5 px over a 100 px torso
            }
        }
    }

    @Test
    void anglesOfAStraightArmAndARightAngle() {
        float[] p = person(0);
        // right elbow (75, 120), upper arm towards the shoulder (80, 80): a wrist 40 px across is square to it
        p[Skeleton.RIGHT_WRIST * 3] = 75 + 40;
        p[Skeleton.RIGHT_WRIST * 3 + 1] = 120 + 5;
        NormalizedTrack t = normalize(p, p);

        float[] f = t.features(new FeatureOptions(Centring.NECK, false, true))[0];
        int angles = Skeleton.FEATURES;

        assertThat(f).hasSize(Skeleton.FEATURES + Skeleton.ANGLES.length);
        assertThat(Skeleton.ANGLE_NAMES.get(0)).isEqualTo("right elbow");
        assertThat(f[angles]).as("right elbow, square").isCloseTo(0.5f, within(1e-6f));
        assertThat(f[angles + 1]).as("left elbow, straight").isCloseTo(1f, within(1e-6f));
        assertThat(f[angles + 6]).as("right knee, straight").isCloseTo(1f, within(1e-6f));
        assertThat(f[angles + 7]).as("left knee, straight").isCloseTo(1f, within(1e-6f));
        for (int a = 0; a < Skeleton.ANGLES.length; a++) {
            assertThat(f[angles + a]).isBetween(0f, 1f);
        }
    }

    @Test
    void everyCentringInterpolatesAMissingKeypoint() {
        float[] a = person(0);
        float[] b = person(10);
        float[] c = person(20);
        b[Skeleton.RIGHT_WRIST * 3 + 2] = 0;
        b[Skeleton.RIGHT_WRIST * 3] = 0;
        b[Skeleton.RIGHT_WRIST * 3 + 1] = 0;
        NormalizedTrack t = normalize(a, b, c);

        float[][] raw = t.features(new FeatureOptions(Centring.NONE, false, false));

        assertThat(t.observed()[1][Skeleton.RIGHT_WRIST]).isFalse();
        assertThat(at(raw[1], Skeleton.RIGHT_WRIST, X)).isEqualTo(80f); // 70 + 10, between its neighbours
        assertThat(at(raw[1], Skeleton.RIGHT_WRIST, Y)).isEqualTo(160f);
    }

    @Test
    void aSnapshotKeepsWhatEveryChoiceIsComputedFrom() throws Exception {
        Fixtures.recording(dir.resolve("recordings/a"), "a", 10);
        Fixtures.write(dir.resolve("dataset.json"), """
                {"format":"kinefold-dataset/1","recordings":[
                 {"id":"a","source":"recordings/a","subject":"s1","exercise":"squat","startFrames":[[0,1]],
                  "reps":[{"start":2,"end":7,"correct":true}]}]}""");
        Dataset dataset = DatasetLoader.load(dir);

        Dataset copy = DatasetSnapshot.fromBytes(DatasetSnapshot.of(dataset).toBytes()).toDataset();

        NormalizedTrack before = dataset.recordings().get(0).normalized();
        NormalizedTrack after = copy.recordings().get(0).normalized();
        assertThat(after.scale()).isEqualTo(before.scale());
        for (Centring centring : Centring.values()) {
            FeatureOptions options = new FeatureOptions(centring, true, true);
            assertThat(after.features(options)).isDeepEqualTo(before.features(options));
        }
    }
}
