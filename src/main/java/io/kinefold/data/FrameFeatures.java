package io.kinefold.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A track's features under any {@link FeatureOptions}, computed only from what a
 * {@link NormalizedTrack} keeps (and a snapshot carries): the neck-centred features, the
 * coordinates as recorded, which keypoints were observed, and the scale.
 */
final class FrameFeatures {
    private FrameFeatures() {}

    static float[][] of(NormalizedTrack track, FeatureOptions options) {
        if (options.isDefault()) {
            return track.features();
        }
        float[][] coordinates = coordinates(track, options.centring());
        int n = track.size();
        float[][] out = new float[n][options.count()];
        for (int j = 0; j < n; j++) {
            float[] row = out[j];
            System.arraycopy(coordinates[j], 0, row, 0, Skeleton.FEATURES);
            int at = Skeleton.FEATURES;
            if (options.velocities()) {
                if (j > 0) {
                    for (int f = 0; f < Skeleton.FEATURES; f++) {
                        row[at + f] = coordinates[j][f] - coordinates[j - 1][f];
                    }
                }
                at += Skeleton.FEATURES;
            }
            if (options.angles()) {
                for (int a = 0; a < Skeleton.ANGLES.length; a++) {
                    row[at + a] = (float) angle(coordinates[j], Skeleton.ANGLES[a]);
                }
            }
        }
        return out;
    }

    /** The keypoints' coordinates of every kept frame in a centring, filled in along time where not observed. */
    static float[][] coordinates(NormalizedTrack track, Centring centring) {
        if (centring == Centring.NECK) {
            return track.features();
        }
        int n = track.size();
        double originX = 0, originY = 0, scale = 1;
        if (centring == Centring.HIP) {
            double[] hip = medianHip(track);
            originX = hip[0];
            originY = hip[1];
            scale = track.scale();
        }
        float[][] out = new float[n][Skeleton.FEATURES];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < Skeleton.KEYPOINT_COUNT; k++) {
                if (track.observed()[j][k]) {
                    out[j][k * 2] = (float) ((track.raw()[j][k * 2] - originX) / scale);
                    out[j][k * 2 + 1] = (float) ((track.raw()[j][k * 2 + 1] - originY) / scale);
                }
            }
        }
        // Filled in these coordinates rather than carried over from the neck-centred ones: a
        // keypoint missing while the body moves then moves with its neighbours in time, not with the neck.
        for (int k = 0; k < Skeleton.KEYPOINT_COUNT; k++) {
            Normalizer.interpolateKeypoint(k, track.frameNumbers(), out, track.observed());
        }
        return out;
    }

    /**
     * The median over the kept frames of the hip midpoint, in source coordinates: from frames
     * with both hips, else with either, else of every observed keypoint's centroid.
     */
    static double[] medianHip(NormalizedTrack track) {
        List<double[]> both = new ArrayList<>();
        List<double[]> either = new ArrayList<>();
        List<double[]> centroids = new ArrayList<>();
        for (int j = 0; j < track.size(); j++) {
            boolean[] seen = track.observed()[j];
            float[] p = track.raw()[j];
            int r = Skeleton.RIGHT_HIP, l = Skeleton.LEFT_HIP;
            if (seen[r] && seen[l]) {
                both.add(new double[] {(p[r * 2] + p[l * 2]) / 2.0, (p[r * 2 + 1] + p[l * 2 + 1]) / 2.0});
            } else if (seen[r] || seen[l]) {
                int h = seen[r] ? r : l;
                either.add(new double[] {p[h * 2], p[h * 2 + 1]});
            }
            double x = 0, y = 0;
            int count = 0;
            for (int k = 0; k < Skeleton.KEYPOINT_COUNT; k++) {
                if (seen[k]) {
                    x += p[k * 2];
                    y += p[k * 2 + 1];
                    count++;
                }
            }
            if (count > 0) {
                centroids.add(new double[] {x / count, y / count});
            }
        }
        List<double[]> points = !both.isEmpty() ? both : !either.isEmpty() ? either : centroids;
        if (points.isEmpty()) {
            return new double[] {0, 0};
        }
        return new double[] {
            Normalizer.median(points.stream().mapToDouble(q -> q[0]).toArray()),
            Normalizer.median(points.stream().mapToDouble(q -> q[1]).toArray())};
    }

    /**
     * The angle at the middle keypoint of {@code joint} between the segments to the other two,
     * over π: 0 folded, 0.5 a right angle, 1 straight. Unsigned, so it is continuous, and the same
     * for a body seen from either side; 0 when a segment has no length.
     */
    static double angle(float[] coordinates, int[] joint) {
        int a = joint[0], m = joint[1], b = joint[2];
        double ux = coordinates[a * 2] - coordinates[m * 2];
        double uy = coordinates[a * 2 + 1] - coordinates[m * 2 + 1];
        double vx = coordinates[b * 2] - coordinates[m * 2];
        double vy = coordinates[b * 2 + 1] - coordinates[m * 2 + 1];
        return Math.atan2(Math.abs(ux * vy - uy * vx), ux * vx + uy * vy) / Math.PI;
    }
}
