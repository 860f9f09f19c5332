package io.kinefold.experiment;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The closest valid name to a misspelt one, by edit distance: for "did you mean" in messages. */
public final class Suggest {
    private Suggest() {}

    /**
     * The known name nearest to {@code name} (case ignored), if it is near enough to be a likely
     * typo: at most a third of the name's length in edits, and never fewer than two allowed.
     */
    public static Optional<String> closest(String name, Collection<String> known) {
        String lower = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, name.length() / 3) ? Optional.ofNullable(best) : Optional.empty();
    }

    /** {@code did you mean 'folds'?}, or the list of known names when none is close. */
    public static String hint(String name, Collection<String> known) {
        return closest(name, known).map(c -> "did you mean '" + c + "'?").orElse("known: " + String.join(", ", known));
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
