package io.kinefold.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a dataset differs from the one a run started on, by recording id: what a resume names when
 * it refuses to mix results of two datasets in one run.
 */
public record DatasetChange(List<String> added, List<String> removed, List<String> changed) {
    /** Recordings named per kind of change before the rest are counted. */
    static final int NAMED = 10;

    public DatasetChange {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    /** The change from the fingerprints a run stored to the ones the dataset has now. */
    public static DatasetChange between(Map<String, String> before, Map<String, String> now) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        now.forEach((id, print) -> {
            String was = before.get(id);
            if (was == null) {
                added.add(id);
            } else if (!was.equals(print)) {
                changed.add(id);
            }
        });
        before.keySet().stream().filter(id -> !now.containsKey(id)).forEach(removed::add);
        return new DatasetChange(added, removed, changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** {@code recordings added: s04-squat-1; removed: s01-lunge-2; changed: s02-squat-1, s02-squat-2}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        part(parts, "added", added);
        part(parts, "removed", removed);
        part(parts, "changed", changed);
        return parts.isEmpty() ? "no recording changed, but their order did" : "recordings " + String.join("; ", parts);
    }

    private static void part(List<String> parts, String what, List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        String named = String.join(", ", ids.subList(0, Math.min(NAMED, ids.size())));
        parts.add(what + ": " + named + (ids.size() > NAMED ? " and " + (ids.size() - NAMED) + " more" : ""));
    }
}
