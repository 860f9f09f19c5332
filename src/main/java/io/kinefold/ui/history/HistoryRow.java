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
 */
public record HistoryRow(long id, String started, String experiment, String mode, int workers, String status,
                         String trials, String wallTime) {}
