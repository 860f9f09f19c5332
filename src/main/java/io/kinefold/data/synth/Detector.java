package io.kinefold.data.synth;

import java.util.Arrays;

/**
 * Turns a clean projected pose into what OpenPose would report for it: jitter that is correlated
 * from frame to frame, confidences that drop for noisy, fast or hidden points, single missed
 * keypoints, limbs lost for several frames, and the occasional left/right mix-up in side views.
 * One detector follows one person through one recording, since its noise has memory.
 */
final class Detector {

    /**
     * How good the footage is: multipliers of jitter and missed detections, and a factor on
     * confidences. A background person gets a worse profile than the subject.
     */
    record Profile(double jitter, double confidence, double misses) {

        static Profile sample(Rng rng) {
            return new Profile(rng.uniform(0.7, 1.5), rng.uniform(0.94, 1.04), rng.uniform(0.6, 1.5));
        }

        Profile background() {
            return new Profile(jitter * 1.4, confidence * 0.78, misses * 2.0);
        }
    }

    /** Detection traits of each kind of keypoint. Wrists and feet are small and fast, so worst. */
    private enum Kind {
        FACE(0.86, 0.0035, 0.02, 0.20),
        EAR(0.76, 0.004, 0.04, 0.50),
        NECK(0.84, 0.003, 0.01, 0.0),
        SHOULDER(0.80, 0.0035, 0.015, 0.04),
        ELBOW(0.72, 0.005, 0.04, 0.12),
        WRIST(0.64, 0.008, 0.065, 0.14),
        HIP(0.72, 0.004, 0.02, 0.04),
        KNEE(0.74, 0.005, 0.025, 0.08),
        ANKLE(0.70, 0.007, 0.035, 0.09),
        FOOT(0.58, 0.0075, 0.06, 0.12);

        final double confidence;
        /** Standard deviation as a fraction of the person's height in pixels. */
        final double jitter;
        final double miss;
        /** Extra chance of a miss when fully hidden behind the body. */
        final double hiddenMiss;

        Kind(double confidence, double jitter, double miss, double hiddenMiss) {
            this.confidence = confidence;
            this.jitter = jitter;
            this.miss = miss;
            this.hiddenMiss = hiddenMiss;
        }
    }

    private static final Kind[] KINDS = {
        Kind.FACE, Kind.NECK, Kind.SHOULDER, Kind.ELBOW, Kind.WRIST, Kind.SHOULDER, Kind.ELBOW, Kind.WRIST,
        Kind.HIP, Kind.HIP, Kind.KNEE, Kind.ANKLE, Kind.HIP, Kind.KNEE, Kind.ANKLE,
        Kind.FACE, Kind.FACE, Kind.EAR, Kind.EAR,
        Kind.FOOT, Kind.FOOT, Kind.FOOT, Kind.FOOT, Kind.FOOT, Kind.FOOT
    };
    private static final int[] HEAD = {0, 15, 16, 17, 18};
    private static final int[][] SWAPPED_LEGS = {{9, 12}, {10, 13}, {11, 14}, {22, 19}, {23, 20}, {24, 21}};
    private static final int[][] SWAPPED_ARMS = {{2, 5}, {3, 6}, {4, 7}};
    /** Frame-to-frame correlation of the jitter. */
    private static final double MEMORY = 0.55;
    private static final double FRESH = Math.sqrt(1 - MEMORY * MEMORY);

    private final Rng rng;
    private final Profile profile;
    private final double[] driftX = new double[Figure.POINTS];
    private final double[] driftY = new double[Figure.POINTS];
    private final boolean[] lost = new boolean[Figure.POINTS];
    private int lostFor;
    private int[][] swap;
    private int swapFor;
    private double[][] previous;

    Detector(Rng rng, Profile profile) {
        this.rng = rng;
        this.profile = profile;
    }

    /**
     * @param frame        per keypoint: image x, image y, depth in metres
     * @param personHeight the person's standing height in pixels, which scales the jitter
     * @return the 75 values of a BODY_25 {@code pose_keypoints_2d} array
     */
    double[] detect(double[][] frame, double personHeight) {
        double middle = (frame[2][2] + frame[5][2] + frame[9][2] + frame[12][2]) / 4;
        boolean rightIsFar = frame[2][2] + frame[9][2] > frame[5][2] + frame[12][2];
        double sideOn = Phases.clamp(Math.abs(frame[2][2] - frame[5][2]) / 0.37, 0, 1);
        updateLostLimb(rightIsFar ? Side.RIGHT : Side.LEFT);
        updateSwap(sideOn);

        double[] out = new double[Figure.POINTS * 3];
        for (int k = 0; k < Figure.POINTS; k++) {
            Kind kind = KINDS[k];
            boolean sided = k >= 2 && k != Figure.MID_HIP;
            double hidden = sided ? Phases.clamp((frame[k][2] - middle) / 0.22, 0, 1) : 0;
            double speed = previous == null ? 0
                    : Math.hypot(frame[k][0] - previous[k][0], frame[k][1] - previous[k][1]);
            double baseSigma = kind.jitter * personHeight * profile.jitter();
            double sigma = baseSigma * (1 + 0.8 * hidden) + 0.05 * speed;
            driftX[k] = MEMORY * driftX[k] + FRESH * sigma * rng.gaussian();
            driftY[k] = MEMORY * driftY[k] + FRESH * sigma * rng.gaussian();
            double error = Math.hypot(driftX[k], driftY[k]) / (baseSigma * 1.4);
            double confidence = kind.confidence * profile.confidence() - 0.22 * hidden - 0.05 * error
                    - 0.003 * speed + rng.gaussian(0, 0.04);
            double missChance = kind.miss * profile.misses() + kind.hiddenMiss * hidden * hidden;
            boolean missed = rng.chance(missChance) || lost[k];
            double x = frame[k][0] + driftX[k];
            double y = frame[k][1] + driftY[k];
            if (missed || x < 0 || y < 0 || x >= Camera.WIDTH || y >= Camera.HEIGHT) {
                continue;
            }
            out[3 * k] = x;
            out[3 * k + 1] = y;
            out[3 * k + 2] = confidence < 0.3 ? 0.3 + 0.05 * rng.uniform()
                    : Math.min(confidence, 0.93 + 0.02 * rng.uniform());
        }
        if (swap != null) {
            for (int[] pair : swap) {
                for (int c = 0; c < 3; c++) {
                    double t = out[3 * pair[0] + c];
                    out[3 * pair[0] + c] = out[3 * pair[1] + c];
                    out[3 * pair[1] + c] = t;
                }
            }
        }
        previous = frame;
        return out;
    }

    /** Now and then a whole limb (most often one on the far side) vanishes for a few frames. */
    private void updateLostLimb(Side far) {
        if (lostFor > 0) {
            lostFor--;
            if (lostFor == 0) {
                Arrays.fill(lost, false);
            }
            return;
        }
        if (!rng.chance(0.005 * profile.misses())) {
            return;
        }
        double pick = rng.uniform();
        int[] limb = pick < 0.35 ? far.arm()
                : pick < 0.55 ? far.leg()
                : pick < 0.75 ? far.opposite().arm()
                : pick < 0.85 ? far.opposite().leg()
                : HEAD;
        for (int k : limb) {
            lost[k] = true;
        }
        lostFor = rng.between(3, 12);
    }

    /** OpenPose confuses left and right limbs mostly when it sees the body from the side. */
    private void updateSwap(double sideOn) {
        if (swapFor > 0) {
            swapFor--;
            if (swapFor == 0) {
                swap = null;
            }
            return;
        }
        if (rng.chance(0.003 * sideOn)) {
            swap = rng.chance(0.7) ? SWAPPED_LEGS : SWAPPED_ARMS;
            swapFor = rng.between(1, 4);
        }
    }
}
