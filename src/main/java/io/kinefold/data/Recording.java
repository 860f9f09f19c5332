package io.kinefold.data;

import java.nio.file.Path;
import java.util.List;

/**
 * One recording of one person, with its labels when the dataset has a manifest.
 *
 * @param id unique within the dataset
 * @param source the folder of OpenPose frames or the CSV file
 * @param subject the person; recordings of one subject are never split between folds
 * @param exercise the exercise, or null for an unlabelled recording
 * @param startFrames frame ranges in which the subject holds the start position
 * @param reps repetitions, each labelled correct or not
 * @param track the detector output as read
 * @param normalized what the models see
 */
public record Recording(
        String id,
        Path source,
        String subject,
        String exercise,
        List<FrameRange> startFrames,
        List<Rep> reps,
        PoseTrack track,
        NormalizedTrack normalized) {

    public Recording {
        startFrames = List.copyOf(startFrames);
        reps = List.copyOf(reps);
    }

    public boolean labelled() {
        return exercise != null;
    }

    public boolean inStartPosition(int frameNumber) {
        for (FrameRange range : startFrames) {
            if (range.contains(frameNumber)) {
                return true;
            }
        }
        return false;
    }
}
