package io.kinefold.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalizerTest {

    /** Fourteen keypoints x,y,c of a person whose neck is at (100, 80) and hips at y = 180. */
    private static float[] person(float dx) {
        float[] c = Fixtures.coco(dx, 0, 0.9f);
        float[] p = new float[42];
        System.arraycopy(c, 0, p, 0, 42);
        return p;
    }

    private static PoseTrack track(float[]... frames) {
        int[] numbers = new int[frames.length];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = i;
        }
        return new PoseTrack(numbers, frames, BodyLayout.COCO_18, false);
    }

    @Test
    void centresOnTheNeckAndScalesByTorsoLength() {
        NormalizedTrack t = Normalizer.normalize(track(person(0), person(50)));
        float[] f = t.features()[1];
        assertThat(f[Skeleton.NECK * 2]).isZero();
        assertThat(f[Skeleton.NECK * 2 + 1]).isZero();
        // neck (100,80) to hip midpoint (100,180): torso length 100 pixels
        assertThat(f[Skeleton.RIGHT_HIP * 2]).isCloseTo(-0.1f, within(1e-5f));
        assertThat(f[Skeleton.RIGHT_HIP * 2 + 1]).isCloseTo(1.0f, within(1e-5f));
        assertThat(t.features()[0]).containsExactly(f);
    }

    @Test
    void centresOnTheHipsPlusTheUsualTorsoWhenTheNeckIsMissing() {
        float[] noNeck = person(0);
        noNeck[Skeleton.NECK * 3 + 2] = 0;
        noNeck[Skeleton.NECK * 3] = 0;
        noNeck[Skeleton.NECK * 3 + 1] = 0;
        NormalizedTrack t = Normalizer.normalize(track(person(0), noNeck, person(0)));
        assertThat(t.observed()[1][Skeleton.NECK]).isFalse();
        assertThat(t.features()[1][Skeleton.HEAD * 2 + 1]).isCloseTo(t.features()[0][Skeleton.HEAD * 2 + 1], within(1e-5f));
    }

    @Test
    void interpolatesAMissingKeypointAlongTime() {
        float[] a = person(0);
        float[] b = person(0);
        float[] c = person(0);
        a[4 * 3] = 60;
        c[4 * 3] = 80;
        b[4 * 3] = 0;
        b[4 * 3 + 1] = 0;
        b[4 * 3 + 2] = 0;
        NormalizedTrack t = Normalizer.normalize(track(a, b, c));
        assertThat(t.observed()[1][4]).isFalse();
        assertThat(t.features()[1][4 * 2]).isCloseTo((t.features()[0][8] + t.features()[2][8]) / 2, within(1e-5f));
    }

    @Test
    void dropsAndCountsFramesThatAreMostlyMissing() {
        float[] sparse = person(0);
        for (int k = 0; k < 8; k++) {
            sparse[k * 3 + 2] = 0;
        }
        NormalizedTrack t = Normalizer.normalize(track(person(0), sparse, new float[42], person(0)));
        assertThat(t.droppedFrames()).isEqualTo(2);
        assertThat(t.frameNumbers()).containsExactly(0, 3);
    }

    @Test
    void resamplesARepetitionToTFramesKeepingItsEnds() {
        float[][] frames = new float[10][];
        for (int i = 0; i < 10; i++) {
            frames[i] = person(0);
            frames[i][4 * 3 + 1] = 100 + 10 * i; // right wrist moves down 10 px a frame
        }
        NormalizedTrack t = Normalizer.normalize(track(frames));
        float[][] r = t.resample(new FrameRange(2, 8), 13);
        assertThat(r).hasNumberOfRows(13);
        assertThat(r[0][4 * 2 + 1]).isCloseTo(t.features()[2][9], within(1e-5f));
        assertThat(r[12][4 * 2 + 1]).isCloseTo(t.features()[8][9], within(1e-5f));
        assertThat(r[6][4 * 2 + 1]).isCloseTo(t.features()[5][9], within(1e-5f));
    }

    @Test
    void refusesToResampleARangeWithFewerThanTwoFrames() {
        NormalizedTrack t = Normalizer.normalize(track(person(0), person(0)));
        assertThat(t.resample(new FrameRange(1, 5), 8)).isNull();
    }
}
