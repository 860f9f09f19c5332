package io.kinefold.exec;

import io.kinefold.experiment.TrialResult;
import java.util.Locale;

/**
 * Where a run stands after a trial finished.
 *
 * @param done trials finished, those of earlier sessions included
 * @param total trials of the run
 * @param failed trials that failed
 * @param elapsedSeconds wall time of this session
 * @param remainingSeconds estimate of the time left, NaN until one trial has finished
 * @param last the result just reported
 */
public record Progress(int done, int total, int failed, double elapsedSeconds, double remainingSeconds, TrialResult last) {
    public double fraction() {
        return total == 0 ? 1 : (double) done / total;
    }

    /** A duration as a clock: {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    public static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
