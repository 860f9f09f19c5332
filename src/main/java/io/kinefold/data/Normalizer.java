package io.kinefold.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a {@link PoseTrack} into a {@link NormalizedTrack}: drops frames that are mostly
 * missing, centres each frame on the neck, scales by torso length and fills missing keypoints
 * by interpolation along time. The other centrings are {@link FrameFeatures}'.
 */
public final class Normalizer {
    /** A frame needs at least half of the fourteen keypoints to be kept. */
    public static final int MIN_PRESENT = Skeleton.KEYPOINT_COUNT / 2;

    private Normalizer() {}

    public static NormalizedTrack normalize(PoseTrack track) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < track.frameCount(); i++) {
            if (track.presentCount(i) >= MIN_PRESENT) {
                kept.add(i);
            }
        }
        int n = kept.size();
        int dropped = track.frameCount() - n;
        int[] frameNumbers = new int[n];
        float[][] features = new float[n][Skeleton.FEATURES];
        float[][] raw = new float[n][Skeleton.FEATURES];
        boolean[][] observed = new boolean[n][Skeleton.KEYPOINT_COUNT];
        if (n == 0) {
            return new NormalizedTrack(frameNumbers, features, observed, dropped, raw, 1);
        }

        // The scale is the recording's median torso length rather than each frame's own: a
        // torso that bends towards the camera would otherwise blow up every other keypoint.
        List<double[]> torsoVectors = new ArrayList<>();
        for (int i : kept) {
            double[] hip = hipMidpoint(track.points()[i]);
            if (hip != null && track.present(i, Skeleton.NECK)) {
                float[] p = track.points()[i];
                torsoVectors.add(new double[] {p[Skeleton.NECK * 3] - hip[0], p[Skeleton.NECK * 3 + 1] - hip[1]});
            }
        }
        double scale;
        double[] neckFromHip;
        if (!torsoVectors.isEmpty()) {
            scale = median(torsoVectors.stream().mapToDouble(v -> Math.hypot(v[0], v[1])).toArray());
            neckFromHip = new double[] {
                median(torsoVectors.stream().mapToDouble(v -> v[0]).toArray()),
                median(torsoVectors.stream().mapToDouble(v -> v[1]).toArray())};
        } else {
            scale = median(kept.stream().mapToDouble(i -> height(track.points()[i])).toArray()) / 3.0;
            neckFromHip = new double[] {0, -scale};
        }
        if (!(scale > 0)) {
            scale = 1;
        }

        double[][] centres = new double[n][];
        for (int j = 0; j < n; j++) {
            float[] p = track.points()[kept.get(j)];
            frameNumbers[j] = track.frameNumbers()[kept.get(j)];
            if (p[Skeleton.NECK * 3 + 2] > 0) {
                centres[j] = new double[] {p[Skeleton.NECK * 3], p[Skeleton.NECK * 3 + 1]};
            } else {
                // Without a neck, the hips plus the recording's usual torso vector estimate
                // where it was, so that the centre does not jump by a torso length.
                double[] hip = hipMidpoint(p);
                if (hip != null) {
                    centres[j] = new double[] {hip[0] + neckFromHip[0], hip[1] + neckFromHip[1]};
                }
            }
        }
        fillGaps(centres, frameNumbers, track, kept);

        for (int j = 0; j < n; j++) {
            float[] p = track.points()[kept.get(j)];
            for (int k = 0; k < Skeleton.KEYPOINT_COUNT; k++) {
                raw[j][k * 2] = p[k * 3];
                raw[j][k * 2 + 1] = p[k * 3 + 1];
                if (p[k * 3 + 2] > 0) {
                    observed[j][k] = true;
                    features[j][k * 2] = (float) ((p[k * 3] - centres[j][0]) / scale);
                    features[j][k * 2 + 1] = (float) ((p[k * 3 + 1] - centres[j][1]) / scale);
                }
            }
        }
        for (int k = 0; k < Skeleton.KEYPOINT_COUNT; k++) {
            interpolateKeypoint(k, frameNumbers, features, observed);
        }
        return new NormalizedTrack(frameNumbers, features, observed, dropped, raw, scale);
    }

    private static void fillGaps(double[][] centres, int[] frameNumbers, PoseTrack track, List<Integer> kept) {
        int n = centres.length;
        for (int j = 0; j < n; j++) {
            if (centres[j] != null) {
                continue;
            }
            int before = j - 1;
            while (before >= 0 && centres[before] == null) {
                before--;
            }
            int after = j + 1;
            while (after < n && centres[after] == null) {
                after++;
            }
            if (before >= 0 && after < n) {
                double w = (double) (frameNumbers[j] - frameNumbers[before]) / (frameNumbers[after] - frameNumbers[before]);
                centres[j] = new double[] {
                    centres[before][0] + w * (centres[after][0] - centres[before][0]),
                    centres[before][1] + w * (centres[after][1] - centres[before][1])};
            } else if (before >= 0) {
                centres[j] = centres[before].clone();
            } else if (after < n) {
                centres[j] = centres[after].clone();
            } else {
                centres[j] = centroid(track.points()[kept.get(j)]);
            }
        }
    }

    /** Fills keypoint {@code k} where it was not observed: linear between observations, held before the first and after the last. */
    static void interpolateKeypoint(int k, int[] frameNumbers, float[][] features, boolean[][] observed) {
        int n = frameNumbers.length;
        int previous = -1;
        for (int j = 0; j < n; j++) {
            if (!observed[j][k]) {
                continue;
            }
            if (previous < 0) {
                for (int g = 0; g < j; g++) {
                    copy(features, j, g, k);
                }
            } else if (j - previous > 1) {
                for (int g = previous + 1; g < j; g++) {
                    double w = (double) (frameNumbers[g] - frameNumbers[previous]) / (frameNumbers[j] - frameNumbers[previous]);
                    features[g][k * 2] = (float) (features[previous][k * 2] + w * (features[j][k * 2] - features[previous][k * 2]));
                    features[g][k * 2 + 1] = (float) (features[previous][k * 2 + 1] + w * (features[j][k * 2 + 1] - features[previous][k * 2 + 1]));
                }
            }
            previous = j;
        }
        if (previous >= 0) {
            for (int g = previous + 1; g < n; g++) {
                copy(features, previous, g, k);
            }
        }
    }

    private static void copy(float[][] features, int from, int to, int k) {
        features[to][k * 2] = features[from][k * 2];
        features[to][k * 2 + 1] = features[from][k * 2 + 1];
    }

    private static double[] hipMidpoint(float[] p) {
        boolean right = p[Skeleton.RIGHT_HIP * 3 + 2] > 0;
        boolean left = p[Skeleton.LEFT_HIP * 3 + 2] > 0;
        if (right && left) {
            return new double[] {
                (p[Skeleton.RIGHT_HIP * 3] + p[Skeleton.LEFT_HIP * 3]) / 2.0,
                (p[Skeleton.RIGHT_HIP * 3 + 1] + p[Skeleton.LEFT_HIP * 3 + 1]) / 2.0};
        }
        if (right || left) {
            int h = right ? Skeleton.RIGHT_HIP : Skeleton.LEFT_HIP;
            return new double[] {p[h * 3], p[h * 3 + 1]};
        }
        return null;
    }

    private static double[] centroid(float[] p) {
        double x = 0, y = 0;
        int n = 0;
        for (int k = 0; k < Skeleton.KEYPOINT_COUNT; k++) {
            if (p[k * 3 + 2] > 0) {
                x += p[k * 3];
                y += p[k * 3 + 1];
                n++;
            }
        }
        return n == 0 ? new double[] {0, 0} : new double[] {x / n, y / n};
    }

    private static double height(float[] p) {
        double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
        for (int k = 0; k < Skeleton.KEYPOINT_COUNT; k++) {
            if (p[k * 3 + 2] > 0) {
                min = Math.min(min, p[k * 3 + 1]);
                max = Math.max(max, p[k * 3 + 1]);
            }
        }
        return max < min ? 0 : max - min;
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
