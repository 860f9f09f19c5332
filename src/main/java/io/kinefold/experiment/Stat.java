package io.kinefold.experiment;

/** Mean and sample standard deviation over folds. */
public record Stat(double mean, double sd) {
    public static Stat of(double[] values) {
        if (values.length == 0) {
            return new Stat(Double.NaN, Double.NaN);
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        if (values.length < 2) {
            return new Stat(mean, 0);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return new Stat(mean, Math.sqrt(ss / (values.length - 1)));
    }
}
