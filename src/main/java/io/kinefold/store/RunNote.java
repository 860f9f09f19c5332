package io.kinefold.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * What the researcher wrote about a run: a display name, tags and a free-text note, as in a lab
 * notebook. None of it changes what the run computed.
 *
 * @param runId the run
 * @param name the display name, or empty for the spec's name
 * @param tags distinct, trimmed, non-empty tags in the order given
 * @param note free text, possibly several lines; empty without one
 * @param updated when it was last saved, or null for a note never saved
 */
public record RunNote(long runId, String name, List<String> tags, String note, Instant updated) {
    public RunNote {
        name = name == null ? "" : name.strip();
        tags = normalized(tags == null ? List.of() : tags);
        note = note == null ? "" : note.strip();
    }

    /** A run nobody has written about. */
    public static RunNote none(long runId) {
        return new RunNote(runId, "", List.of(), "", null);
    }

    /** Whether there is nothing written: no name, tag or note. */
    public boolean isBlank() {
        return name.isEmpty() && tags.isEmpty() && note.isEmpty();
    }

    /** Tags from text as a user types them: separated by commas, e.g. {@code baseline, lr-sweep}. */
    public static List<String> parseTags(String text) {
        return text == null ? List.of() : normalized(List.of(text.split(",")));
    }

    /** The tags as {@link #parseTags} reads them back: {@code baseline, lr-sweep}. */
    public String tagsText() {
        return String.join(", ", tags);
    }

    // Tags compare without case, so "Baseline" and "baseline" are one tag: the first spelling stays.
    private static List<String> normalized(List<String> tags) {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        List<String> kept = new ArrayList<>();
        for (String tag : tags) {
            String t = tag == null ? "" : tag.strip();
            if (!t.isEmpty() && seen.add(t.toLowerCase(Locale.ROOT))) {
                kept.add(t);
            }
        }
        return List.copyOf(kept);
    }
}
