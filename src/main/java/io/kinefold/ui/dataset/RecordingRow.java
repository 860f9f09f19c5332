package io.kinefold.ui.dataset;

import io.kinefold.data.Problem;
import io.kinefold.data.Recording;
import io.kinefold.data.Rep;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One row of the recordings table: what a user compares between recordings at a glance.
 *
 * @param recording the recording itself, for the player
 * @param problems problems reported for this recording's files or manifest entry
 */
public record RecordingRow(
        Recording recording,
        String id,
        String exercise,
        String subject,
        int frames,
        int droppedFrames,
        int repsCorrect,
        int repsIncorrect,
        int problems) {

    static RecordingRow of(Recording recording, Path root, List<Problem> problems) {
        int correct = (int) recording.reps().stream().filter(Rep::correct).count();
        return new RecordingRow(recording, recording.id(),
                recording.exercise() == null ? "" : recording.exercise(),
                recording.subject() == null ? "" : recording.subject(),
                recording.track().frameCount(), recording.normalized().droppedFrames(),
                correct, recording.reps().size() - correct, countProblems(recording, root, problems));
    }

    /** Problems naming a file of the recording, or its manifest entry ({@code recordings[i] (id)}). */
    private static int countProblems(Recording recording, Path root, List<Problem> problems) {
        String prefix = relative(recording.source(), root);
        String entry = "(" + recording.id() + ")";
        int n = 0;
        for (Problem p : problems) {
            String file = p.file().replace('\\', '/');
            if (file.equals(prefix) || file.startsWith(prefix + "/") || p.message().contains(entry)) {
                n++;
            }
        }
        return n;
    }

    private static String relative(Path source, Path root) {
        Path abs = source.toAbsolutePath().normalize();
        Path r = root.toAbsolutePath().normalize();
        return (abs.startsWith(r) && !abs.equals(r) ? r.relativize(abs) : abs).toString().replace('\\', '/');
    }

    /** Whether the id, exercise or subject contains the filter text, ignoring case. */
    boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String f = filter.strip().toLowerCase(Locale.ROOT);
        return id.toLowerCase(Locale.ROOT).contains(f)
                || exercise.toLowerCase(Locale.ROOT).contains(f)
                || subject.toLowerCase(Locale.ROOT).contains(f);
    }
}
