package io.kinefold.data.synth;

/** Timing curves shared by the motions: u is time through a repetition, from 0 to 1. */
final class Phases {

    private Phases() {
    }

    /** Smooth start and stop: muscles accelerate and brake, they do not jump. */
    static double ease(double x) {
        double t = Math.max(0, Math.min(1, x));
        return 0.5 - 0.5 * StrictMath.cos(Math.PI * t);
    }

    /**
     * How far into the movement the body is: 0 in the start position, 1 at the far end (bottom of
     * a squat, top of a press). {@code out} is the fraction of the repetition spent going there,
     * {@code hold} the fraction spent resting at the far end.
     */
    static double outAndBack(double u, double out, double hold) {
        if (u < out) {
            return ease(u / out);
        }
        if (u < out + hold) {
            return 1;
        }
        return ease((1 - u) / (1 - out - hold));
    }

    /** Rises from 0 to 1 while u goes from {@code from} to {@code to}. */
    static double ramp(double u, double from, double to) {
        return ease((u - from) / (to - from));
    }

    static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
