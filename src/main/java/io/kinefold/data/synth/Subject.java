package io.kinefold.data.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One synthetic person and how they were filmed: body, habits shared by all their exercises,
 * and the camera set-up, which stays roughly the same between their recordings.
 *
 * @param tempo            seconds for a typical repetition
 * @param skill            chance that a repetition is done correctly
 * @param faultPreference  per exercise, the chance that a faulty repetition shows the first of
 *                         that exercise's two faults rather than the second
 * @param restlessness     scale of the sway while holding a position
 * @param yawDegrees       camera direction, 0 = from the front, sign = which side; 20° to 80°
 *                         either way, more often towards the side view, where the faults show
 * @param heightFraction   standing height as a fraction of the image height
 */
record Subject(
        String id,
        Proportions body,
        double tempo,
        double skill,
        List<Double> faultPreference,
        double restlessness,
        double yawDegrees,
        double elevationDegrees,
        double rollDegrees,
        double distance,
        double heightFraction) {

    /** Keeps the random stream of earlier versions while always choosing one side. */
    private static double sameSide(double ignoredSign) {
        return 1.0;
    }

    static Subject sample(int index, Rng rng) {
        List<Double> preference = new ArrayList<>();
        for (int e = 0; e < Exercise.values().length; e++) {
            preference.add(rng.uniform(0.25, 0.75));
        }
        return new Subject(
                String.format(Locale.ROOT, "s%02d", index + 1),
                Proportions.sample(rng),
                rng.uniform(1.3, 2.0),
                rng.uniform(0.35, 0.65),
                List.copyOf(preference),
                rng.uniform(0.6, 1.5),
                // The camera stands on the same side of every subject, as in a lab with one
                // tripod position; mirrored subjects would halve what a small rep model sees.
                sameSide(rng.sign()) * (20 + 60 * Math.sqrt(rng.uniform())),
                rng.uniform(-5, 15),
                rng.gaussian(0, 1.5, -3, 3),
                rng.uniform(2.5, 6),
                rng.uniform(0.35, 0.70));
    }

    /**
     * The camera for one recording: the tripod is moved a little between exercises, and a plank
     * is filmed from further to the side than {@link Exercise#minimumYawDegrees()}.
     */
    Camera camera(Exercise exercise, Vec3 target, Rng rng) {
        double yaw = Math.abs(yawDegrees) + rng.gaussian(0, 5);
        yaw = Phases.clamp(yaw, exercise.minimumYawDegrees(), 85) * Math.signum(yawDegrees);
        double fraction = Phases.clamp(heightFraction * rng.gaussian(1, 0.04), 0.33, 0.72);
        double pixelsPerMetre = fraction * Camera.HEIGHT / body.standingHeight();
        return new Camera(target, yaw, elevationDegrees + rng.gaussian(0, 2), rollDegrees + rng.gaussian(0, 0.5),
                distance * rng.gaussian(1, 0.05), pixelsPerMetre, 0, 0);
    }
}
