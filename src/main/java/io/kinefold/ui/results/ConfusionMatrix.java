package io.kinefold.ui.results;

import java.util.List;
import java.util.Locale;

/**
 * A confusion matrix summed over the test folds of one grid point.
 *
 * @param title what it is of, e.g. {@code pose, g2}
 * @param classes class names, indexed like the counts
 * @param counts {@code [actual][predicted]}
 */
public record ConfusionMatrix(String title, List<String> classes, int[][] counts) {
    public ConfusionMatrix {
        classes = List.copyOf(classes);
        int[][] copy = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        counts = copy;
    }

    public int size() {
        return counts.length;
    }

    public int count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /** Samples whose actual class is {@code actual}. */
    public int rowTotal(int actual) {
        int sum = 0;
        for (int v : counts[actual]) {
            sum += v;
        }
        return sum;
    }

    /** Every test sample of every fold. */
    public int total() {
        int sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += rowTotal(i);
        }
        return sum;
    }

    /** The share of the actual class predicted as {@code predicted}, 0..1, or NaN for an empty row. */
    public double rowShare(int actual, int predicted) {
        int row = rowTotal(actual);
        return row == 0 ? Double.NaN : (double) counts[actual][predicted] / row;
    }

    /** The share of {@code actual} predicted as {@code predicted}, as {@link #percent} writes it. */
    public String percentText(int actual, int predicted) {
        return percent(rowShare(actual, predicted));
    }

    /**
     * A share of a row in percent with one decimal, never rounded to look like no miss or no hit:
     * anything above 0 reads at least {@code <0.1 %}, anything below 1 at most {@code >99.9 %}
     * (one miss in 846 is {@code 0.1 %}, the diagonal beside it {@code 99.9 %}); a dash for an
     * empty row.
     */
    static String percent(double share) {
        if (!Double.isFinite(share)) {
            return "—";
        }
        if (share <= 0) {
            return "0 %";
        }
        if (share >= 1) {
            return "100 %";
        }
        String text = String.format(Locale.ROOT, "%.1f", 100 * share);
        if (text.equals("0.0")) {
            return "<0.1 %";
        }
        if (text.equals("100.0")) {
            return ">99.9 %";
        }
        return text + " %";
    }

    /** A class name, or {@code class i} when the summary has fewer names than rows. */
    public String className(int i) {
        return i < classes.size() ? classes.get(i) : "class " + i;
    }
}
