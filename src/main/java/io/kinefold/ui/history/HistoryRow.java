package io.kinefold.ui.history;

/**
 * One run as the history table shows it, already in words.
 *
 * @param id run id
 * @param started local start time, {@code yyyy-MM-dd HH:mm}
 * @param experiment the spec's name
 * @param mode {@code single}, {@code pool}, …
 * @param workers worker processes
 * @param status the run's status in lower case
 * @param trials trials done / total
 * @param wallTime wall time over all sessions, {@code m:ss}
 * @param best the best mean accuracy per model kind, e.g. {@code pose 0.99 · start 0.84–0.94}
 */
public record HistoryRow(long id, String started, String experiment, String mode, int workers, String status,
                         String trials, String wallTime, String best) {
    /** Whether the run has trials left to run. */
    public boolean resumable() {
        return !status.equals("succeeded");
    }
}
