package io.kinefold.exec;

import java.util.Locale;

/**
 * How long a trial may run, and a worker stay silent, before the pool kills the worker and runs
 * the trial again on a fresh one. Never infinite: a worker that stops answering (stopped, in a
 * native deadlock, swapping) must not hang a run. Unless the user gives a limit, a trial gets
 * {@value #FACTOR} times its expected time ({@link RunEstimate.Calibration#seconds}), and never
 * less than {@value #FLOOR_SECONDS} s: the estimate comes from another machine, and the first
 * trial of a worker pays for its warm-up.
 */
public final class TrialTimeout {
    public static final double FACTOR = 10;
    public static final double FLOOR_SECONDS = 120;
    /** A worker says it is alive every second: this long without a word, and it is taken for stuck. */
    public static final double SILENCE_SECONDS = 30;

    private TrialTimeout() {}

    /** The limit of one trial: what the user asked ({@code asked > 0}), or the derived default. */
    public static double forTrial(double asked, double expectedSeconds) {
        if (asked > 0) {
            return asked;
        }
        double derived = Double.isFinite(expectedSeconds) ? FACTOR * expectedSeconds : 0;
        return Math.max(FLOOR_SECONDS, derived);
    }

    /** How long a worker may be silent: {@value #SILENCE_SECONDS} s, or less when the user's trial limit is less. */
    public static double silence(double asked) {
        return asked > 0 ? Math.min(asked, SILENCE_SECONDS) : SILENCE_SECONDS;
    }

    /**
     * Why the typed limit cannot be used, or null when it can: empty (the default) or a number of
     * seconds above 0.
     */
    public static String problem(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return check(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            return "“" + t + "” is not a number of seconds; leave it empty for the default";
        }
    }

    /** Why a limit in seconds cannot be used, or null. */
    public static String check(double seconds) {
        return seconds > 0 && Double.isFinite(seconds) ? null
                : "must be a number of seconds above 0 (empty or not given: derived from each trial's expected time)";
    }

    /** The typed limit in seconds, 0 for the default. @throws IllegalArgumentException with the {@link #problem} */
    public static double parse(String text) {
        String problem = problem(text);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return text == null || text.isBlank() ? 0 : Double.parseDouble(text.strip());
    }

    /** Seconds in words: {@code 20 s}, {@code 0.5 s}. */
    static String seconds(double s) {
        return (s == Math.rint(s) ? String.format(Locale.ROOT, "%.0f", s) : String.format(Locale.ROOT, "%.1f", s)) + " s";
    }
}
