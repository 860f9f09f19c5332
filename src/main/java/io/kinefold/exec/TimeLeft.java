package io.kinefold.exec;

import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.Trial;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The time left of a run as trials finish: the run's own estimate ({@link RunEstimate}'s
 * arithmetic over the trials still to run) blended with what the finished trials measured, the
 * measurement weighing as much as the share of the work done. Work is counted by each trial's
 * expected time ({@link TrialCost} × seconds per unit), not by trials: the pool runs the longest
 * first, so counting trials made early figures several times too long.
 */
final class TimeLeft {
    /** Share of the work done before a figure is given: before it, one slow start decides too much. */
    static final double MEANINGFUL = 0.1;

    private final Map<String, Double> expected = new HashMap<>();
    private final double total;
    private final double estimatedWall;
    private double done;

    /**
     * @param todo the trials this session runs
     * @param expectedSeconds each trial's expected wall seconds in one process
     * @param workers workers running them side by side
     */
    TimeLeft(List<Trial> todo, ToDoubleFunction<Trial> expectedSeconds, int workers) {
        double sum = 0;
        double longest = 0;
        for (Trial t : todo) {
            double s = Math.max(1e-6, expectedSeconds.applyAsDouble(t));
            expected.put(t.key(), s);
            sum += s;
            longest = Math.max(longest, s);
        }
        total = sum;
        int used = Math.max(1, Math.min(workers, todo.size()));
        estimatedWall = Math.max(sum / used, longest) + RunEstimate.WORKER_START_SECONDS;
    }

    /** The trials of a prepared run, costed with the calibration on its workload's sample counts. */
    static TimeLeft of(List<Trial> todo, RunService.Prepared prepared, RunEstimate.Calibration calibration, int workers) {
        ExperimentSpec spec = prepared.spec();
        double share = (spec.folds() - 1.0) / spec.folds();
        if (spec.earlyStopping() != null) {
            share *= 1 - spec.earlyStopping().validationFraction();
        }
        double trainShare = share;
        return new TimeLeft(todo, t -> {
            try {
                return calibration.seconds(t, (int) Math.max(1, prepared.workload().samples(t.model()) * trainShare));
            } catch (IllegalArgumentException e) {
                return 1; // a trial the cost model does not know: as much as any other
            }
        }, workers);
    }

    /**
     * Seconds left once {@code finished} has finished {@code elapsed} seconds into the session; NaN
     * until {@value #MEANINGFUL} of the work is done.
     */
    double finished(Trial finished, double elapsed) {
        done += expected.getOrDefault(finished.key(), 0.0);
        double fraction = total <= 0 ? 1 : Math.min(1, done / total);
        if (fraction >= 1) {
            return 0;
        }
        if (fraction < MEANINGFUL) {
            return Double.NaN;
        }
        double measured = elapsed / fraction * (1 - fraction);
        double estimated = Math.max(0, estimatedWall - elapsed);
        return fraction * measured + (1 - fraction) * estimated;
    }
}
