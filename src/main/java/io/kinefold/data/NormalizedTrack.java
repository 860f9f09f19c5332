package io.kinefold.data;

import java.util.Arrays;

/**
 * A recording as the models see it: only the frames that were kept, every keypoint centred on
 * the neck and scaled by torso length, missing keypoints filled in along time. It keeps the kept
 * frames' coordinates as recorded and the scale too, so that the other {@link FeatureOptions}
 * can be computed from it alone, in a worker that never saw the detector output.
 *
 * @param frameNumbers ascending frame numbers of the kept frames
 * @param features per kept frame, {@code x, y} of each of the fourteen keypoints
 * @param observed per kept frame and keypoint, whether it was detected rather than filled in
 * @param droppedFrames frames dropped because most of their keypoints were missing
 * @param raw per kept frame, {@code x, y} of each keypoint as recorded (meaningless where not observed)
 * @param scale source units per torso length: the recording's median torso length
 */
public record NormalizedTrack(int[] frameNumbers, float[][] features, boolean[][] observed, int droppedFrames,
                              float[][] raw, double scale) {

    public int size() {
        return frameNumbers.length;
    }

    /** Indices of the kept frames whose numbers lie in the range. */
    public int[] indicesIn(FrameRange range) {
        int from = lowerBound(range.start());
        int to = lowerBound(range.end() + 1);
        int[] result = new int[Math.max(0, to - from)];
        for (int i = 0; i < result.length; i++) {
            result[i] = from + i;
        }
        return result;
    }

    private int lowerBound(int frame) {
        int i = Arrays.binarySearch(frameNumbers, frame);
        return i >= 0 ? i : -i - 1;
    }

    /**
     * Every kept frame's features as the options ask for them, {@link FeatureOptions#count} values
     * a frame; the default options give {@link #features} itself.
     */
    public float[][] features(FeatureOptions options) {
        return FrameFeatures.of(this, options);
    }

    /**
     * The kept frames of a range resampled to {@code length} evenly spaced frames by linear
     * interpolation along frame numbers, or null when fewer than two kept frames lie in it.
     */
    public float[][] resample(FrameRange range, int length) {
        return resample(range, length, features);
    }

    /** As {@link #resample(FrameRange, int)}, of {@code rows}: one row of any width per kept frame. */
    public float[][] resample(FrameRange range, int length, float[][] rows) {
        int[] idx = indicesIn(range);
        if (idx.length < 2 || length < 1) {
            return null;
        }
        int width = rows[idx[0]].length;
        float[][] out = new float[length][width];
        double first = frameNumbers[idx[0]];
        double last = frameNumbers[idx[idx.length - 1]];
        int j = 0;
        for (int t = 0; t < length; t++) {
            double at = length == 1 ? first : first + (last - first) * t / (length - 1);
            while (j < idx.length - 2 && frameNumbers[idx[j + 1]] < at) {
                j++;
            }
            int a = idx[j], b = idx[j + 1];
            double span = frameNumbers[b] - frameNumbers[a];
            double w = span == 0 ? 0 : Math.min(1, Math.max(0, (at - frameNumbers[a]) / span));
            for (int f = 0; f < width; f++) {
                out[t][f] = (float) ((1 - w) * rows[a][f] + w * rows[b][f]);
            }
        }
        return out;
    }
}
