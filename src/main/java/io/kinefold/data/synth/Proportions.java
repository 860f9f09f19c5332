package io.kinefold.data.synth;

/**
 * One subject's body, in metres. The base values are those of a 1.75 m adult; every segment then
 * varies on its own by up to about ±12 % on top of an overall size, because a model that learns
 * from keypoints normalised by torso length must still cope with long legs or short forearms.
 */
record Proportions(
        double pelvisHalfWidth,
        double torso,
        double shoulderHalfWidth,
        double head,
        double upperArm,
        double forearm,
        double thigh,
        double shank,
        double ankleHeight,
        double toe,
        double heel) {

    static Proportions sample(Rng rng) {
        double size = rng.uniform(0.91, 1.09);
        return new Proportions(
                0.095 * size * segment(rng),
                0.52 * size * segment(rng),
                0.185 * size * segment(rng),
                0.16 * size * segment(rng),
                0.30 * size * segment(rng),
                0.265 * size * segment(rng),
                0.43 * size * segment(rng),
                0.425 * size * segment(rng),
                0.075 * size,
                0.175 * size * segment(rng),
                0.055 * size);
    }

    private static double segment(Rng rng) {
        return rng.gaussian(1.0, 0.06, 0.88, 1.12);
    }

    double leg() {
        return thigh + shank;
    }

    /** Floor to the top of the head when standing straight, for framing the camera. */
    double standingHeight() {
        return ankleHeight + leg() + torso + head * 1.55;
    }

    /** Shoulder-to-wrist distance for an elbow opened to {@code elbowDegrees} (180 = straight). */
    double armReach(double elbowDegrees) {
        double a = upperArm;
        double b = forearm;
        double cos = StrictMath.cos(StrictMath.toRadians(elbowDegrees));
        return Math.sqrt(a * a + b * b - 2 * a * b * cos);
    }
}
