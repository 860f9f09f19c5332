package io.kinefold.ui.history;

import java.util.List;
import java.util.Locale;

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
 * @param best the best mean accuracy per model kind, e.g. {@code pose 0.99 · start 0.84–0.94}; for a
 *     run that stopped early followed by how much of it was done, e.g. {@code (4 of 54 trials)}
 * @param name the display name the user gave it, or the spec's name
 * @param dataset the dataset folder's name
 * @param datasetPath the dataset folder as the run resolved it
 * @param folds folds of its spec, 0 when the spec no longer reads
 * @param seed seed of its spec
 * @param grid grid points of its spec, e.g. {@code 82 points}
 * @param wallSeconds wall time in seconds, for sorting
 * @param partial whether it stopped before every trial was done: its best is over part of the grid
 * @param tags the user's tags
 * @param note the user's note
 * @param comparedWith the run it was compared with by {@code compare} (its partner), or -1
 */
public record HistoryRow(long id, String started, String experiment, String mode, int workers, String status,
                         String trials, String wallTime, String best, String name, String dataset, String datasetPath,
                         int folds, long seed, String grid, double wallSeconds, boolean partial, List<String> tags,
                         String note, long comparedWith) {
    public HistoryRow {
        tags = List.copyOf(tags);
    }

    /** Whether the run has trials left to run. */
    public boolean resumable() {
        return !status.equals("succeeded");
    }

    /** Tags as one text, e.g. {@code baseline, paper}. */
    public String tagsText() {
        return String.join(", ", tags);
    }

    /** The comparison it took part in, e.g. {@code ⇄ run 7} for its partner, or empty. */
    public String comparison() {
        return comparedWith < 0 ? "" : "⇄ run " + comparedWith;
    }

    /**
     * Whether the row holds every word of {@code query} (case ignored) in its name, spec name,
     * dataset, tags, note, status or mode, or as {@code #id}; a blank query matches every row.
     */
    public boolean matches(String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String text = String.join("\n", name, experiment, dataset, datasetPath, tagsText(), note, status, mode,
                "#" + id).toLowerCase(Locale.ROOT);
        for (String word : query.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!text.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
