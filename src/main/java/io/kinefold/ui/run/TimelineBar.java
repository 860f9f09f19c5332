package io.kinefold.ui.run;

import io.kinefold.data.ModelKind;

/**
 * One trial on the run's timeline: which worker ran it, and from when to when.
 *
 * @param lane the worker, with the phase in a comparison ({@code single w1}, {@code pool w2})
 * @param trial the trial's key
 * @param kind its model's kind, for the colour
 * @param start seconds since the run started
 * @param end seconds since the run started; NaN while it runs
 * @param failed whether it ended without a result
 */
public record TimelineBar(String lane, String trial, ModelKind kind, double start, double end, boolean failed) {
    public boolean running() {
        return Double.isNaN(end);
    }

    TimelineBar finish(double at, boolean failedNow) {
        return new TimelineBar(lane, trial, kind, start, at, failedNow);
    }
}
