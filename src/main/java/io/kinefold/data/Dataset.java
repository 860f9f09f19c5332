package io.kinefold.data;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * A loaded dataset: the recordings that could be read and every problem met on the way.
 *
 * @param name from the manifest, or the folder name
 * @param root the dataset folder
 * @param fps frames per second of the recordings
 * @param labelled whether a manifest labelled the recordings
 * @param recordings in manifest order, or in path order for an unlabelled folder
 * @param problems everything that was wrong and skipped
 */
public record Dataset(String name, Path root, double fps, boolean labelled, List<Recording> recordings, List<Problem> problems) {

    public Dataset {
        recordings = List.copyOf(recordings);
        problems = List.copyOf(problems);
    }

    /** The exercises of the labelled recordings, sorted, which fixes the class order of {@code pose}. */
    public List<String> exercises() {
        TreeSet<String> names = new TreeSet<>();
        for (Recording r : recordings) {
            if (r.exercise() != null) {
                names.add(r.exercise());
            }
        }
        return List.copyOf(names);
    }

    public List<String> subjects() {
        return List.copyOf(new TreeSet<>(recordings.stream().map(Recording::subject).toList()));
    }

    /** Frames read from all recordings, dropped ones included. */
    public int frames() {
        return recordings.stream().mapToInt(r -> r.track().frameCount()).sum();
    }

    public int droppedFrames() {
        return recordings.stream().mapToInt(r -> r.normalized().droppedFrames()).sum();
    }
}
