package io.kinefold.data.synth;

/**
 * Small involuntary motion at one instant: nobody holds a start position perfectly still, and a
 * start-position classifier trained on frozen frames would learn nothing useful. Offsets in
 * metres, angles in degrees.
 */
record Sway(double dx, double dz, double lean, double roll, double head, double turn, double arm) {

    /** A recording's sway over time: per channel, a slow and a faster sine with random phases. */
    static final class Source {
        private static final double[] AMPLITUDE = {0.012, 0.008, 1.3, 0.8, 3.0, 4.0, 2.5};
        private final double[] amplitude = new double[AMPLITUDE.length];
        private final double[] slowHz = new double[AMPLITUDE.length];
        private final double[] fastHz = new double[AMPLITUDE.length];
        private final double[] slowPhase = new double[AMPLITUDE.length];
        private final double[] fastPhase = new double[AMPLITUDE.length];

        Source(Rng rng, double restlessness) {
            for (int c = 0; c < AMPLITUDE.length; c++) {
                amplitude[c] = AMPLITUDE[c] * restlessness * rng.uniform(0.6, 1.4);
                slowHz[c] = rng.uniform(0.12, 0.4);
                fastHz[c] = rng.uniform(0.5, 1.2);
                slowPhase[c] = rng.uniform(0, 2 * Math.PI);
                fastPhase[c] = rng.uniform(0, 2 * Math.PI);
            }
        }

        Sway at(double seconds) {
            double[] v = new double[AMPLITUDE.length];
            for (int c = 0; c < v.length; c++) {
                v[c] = amplitude[c] * (0.75 * StrictMath.sin(2 * Math.PI * slowHz[c] * seconds + slowPhase[c])
                        + 0.35 * StrictMath.sin(2 * Math.PI * fastHz[c] * seconds + fastPhase[c]));
            }
            return new Sway(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
        }
    }
}
