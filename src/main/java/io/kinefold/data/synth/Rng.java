package io.kinefold.data.synth;

import java.util.SplittableRandom;

/**
 * The generator's only source of randomness.
 *
 * <p>Everything is built on {@link SplittableRandom#nextLong()}, whose algorithm is fixed by its
 * specification, and on {@link StrictMath}, so that a seed gives byte-identical files on any JDK
 * and CPU. The JDK's own {@code nextGaussian} and bounded {@code nextInt} are avoided on purpose:
 * their algorithms are not pinned down across releases.
 */
final class Rng {

    private final SplittableRandom random;
    private double spareGaussian;
    private boolean hasSpare;

    private Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * A stream for one purpose, identified by a path of numbers under the dataset seed. Deriving
     * streams this way (instead of drawing them one after another from a parent) keeps subject 3's
     * data the same whether 3 or 12 subjects are generated.
     */
    static Rng derive(long seed, long... path) {
        long state = mix(seed ^ 0x6A09E667F3BCC909L);
        for (long step : path) {
            state = mix(state + 0x9E3779B97F4A7C15L * (step + 1));
        }
        return new Rng(state);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    double uniform() {
        return (random.nextLong() >>> 11) * 0x1.0p-53;
    }

    double uniform(double low, double high) {
        return low + (high - low) * uniform();
    }

    boolean chance(double probability) {
        return uniform() < probability;
    }

    /** Uniform integer in [low, high], both inclusive. */
    int between(int low, int high) {
        return low + (int) (uniform() * (high - low + 1));
    }

    double gaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u1 = 1.0 - uniform();
        double u2 = uniform();
        double radius = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        double angle = 2.0 * StrictMath.PI * u2;
        spareGaussian = radius * StrictMath.sin(angle);
        hasSpare = true;
        return radius * StrictMath.cos(angle);
    }

    double gaussian(double mean, double sd) {
        return mean + sd * gaussian();
    }

    /** A normal draw clipped to [low, high], for parameters whose tails would be unphysical. */
    double gaussian(double mean, double sd, double low, double high) {
        return Math.max(low, Math.min(high, gaussian(mean, sd)));
    }

    /** +1 or -1 with equal odds. */
    int sign() {
        return chance(0.5) ? 1 : -1;
    }
}
