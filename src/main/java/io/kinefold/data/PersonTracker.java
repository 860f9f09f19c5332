package io.kinefold.data;

import java.util.List;

/**
 * Keeps one person per recording when a frame holds several: the one closest to the person
 * kept in the previous frame, weighed against detection confidence, so that a bystander who
 * is detected more confidently for a moment does not replace the subject.
 */
final class PersonTracker {
    /** How much one bounding-box diagonal of displacement costs against mean confidence. */
    private static final double DISTANCE_WEIGHT = 2.0;

    private float[] previous;

    /** Picks one of the candidates (projected, {@code x,y,c} × 14), or null when there are none. */
    float[] choose(List<float[]> candidates) {
        if (candidates.isEmpty()) {
            return null;
        }
        float[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (float[] candidate : candidates) {
            double score = score(candidate);
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        if (countPresent(best) > 0) {
            previous = best;
        }
        return best;
    }

    private double score(float[] candidate) {
        double confidence = totalConfidence(candidate);
        if (previous == null) {
            return confidence;
        }
        double scale = diagonal(previous);
        double distance = meanDistance(previous, candidate);
        if (scale <= 0 || Double.isNaN(distance)) {
            return confidence / Skeleton.KEYPOINT_COUNT;
        }
        return confidence / Skeleton.KEYPOINT_COUNT - DISTANCE_WEIGHT * distance / scale;
    }

    static double totalConfidence(float[] p) {
        double sum = 0;
        for (int k = 0; k < Skeleton.KEYPOINT_COUNT; k++) {
            sum += p[k * 3 + 2];
        }
        return sum;
    }

    static int countPresent(float[] p) {
        int n = 0;
        for (int k = 0; k < Skeleton.KEYPOINT_COUNT; k++) {
            if (p[k * 3 + 2] > 0) {
                n++;
            }
        }
        return n;
    }

    private static double meanDistance(float[] a, float[] b) {
        double sum = 0;
        int n = 0;
        for (int k = 0; k < Skeleton.KEYPOINT_COUNT; k++) {
            if (a[k * 3 + 2] > 0 && b[k * 3 + 2] > 0) {
                sum += Math.hypot(a[k * 3] - b[k * 3], a[k * 3 + 1] - b[k * 3 + 1]);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static double diagonal(float[] p) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int k = 0; k < Skeleton.KEYPOINT_COUNT; k++) {
            if (p[k * 3 + 2] > 0) {
                minX = Math.min(minX, p[k * 3]);
                maxX = Math.max(maxX, p[k * 3]);
                minY = Math.min(minY, p[k * 3 + 1]);
                maxY = Math.max(maxY, p[k * 3 + 1]);
            }
        }
        return maxX < minX ? 0 : Math.hypot(maxX - minX, maxY - minY);
    }
}
