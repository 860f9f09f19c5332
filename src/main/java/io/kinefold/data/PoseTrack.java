package io.kinefold.data;

import java.util.Arrays;

/**
 * One person's keypoints through a recording, projected onto the fourteen {@link Skeleton}
 * keypoints but otherwise as the detector gave them: source coordinates, confidence 0 for a
 * keypoint that was not detected, and an all-zero frame where nobody was found.
 *
 * @param frameNumbers ascending frame numbers, from the file names or the CSV column
 * @param points per frame, {@code x, y, c} for each of the fourteen keypoints
 * @param layout the body model of the source
 * @param normalisedCoordinates whether the source coordinates lie in [0, 1] rather than pixels
 */
public record PoseTrack(int[] frameNumbers, float[][] points, BodyLayout layout, boolean normalisedCoordinates) {
    public static final int STRIDE = 3;

    public PoseTrack {
        if (frameNumbers.length != points.length) {
            throw new IllegalArgumentException("frame numbers and points differ in length");
        }
    }

    public int frameCount() {
        return frameNumbers.length;
    }

    public int firstFrame() {
        return frameNumbers.length == 0 ? -1 : frameNumbers[0];
    }

    public int lastFrame() {
        return frameNumbers.length == 0 ? -1 : frameNumbers[frameNumbers.length - 1];
    }

    public boolean present(int frame, int keypoint) {
        return points[frame][keypoint * STRIDE + 2] > 0f;
    }

    public int presentCount(int frame) {
        int n = 0;
        for (int k = 0; k < Skeleton.KEYPOINT_COUNT; k++) {
            if (present(frame, k)) {
                n++;
            }
        }
        return n;
    }

    /** Position of a frame number in this track, or a negative insertion point. */
    public int indexOf(int frameNumber) {
        return Arrays.binarySearch(frameNumbers, frameNumber);
    }
}
