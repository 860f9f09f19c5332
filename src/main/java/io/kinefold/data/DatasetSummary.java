package io.kinefold.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code kinefold dataset inspect} reports and the dataset view shows: counts of everything
 * loaded and every problem.
 *
 * @param name dataset name
 * @param path dataset folder
 * @param labelled whether a manifest labelled it
 * @param recordings recordings loaded
 * @param frames frames read, dropped ones included
 * @param droppedFrames frames dropped because most keypoints were missing
 * @param layouts recordings per body model
 * @param coordinates recordings per coordinate kind ({@code pixels} or {@code normalised})
 * @param exercises per exercise: recordings, reps, correct and incorrect reps, start-position frames
 * @param subjects number of distinct subjects
 * @param subjectNames the subjects
 * @param samples sample count per model id, as the model kinds cut them ({@code Kinds.sampleCounts})
 * @param problems every problem, in load order
 */
public record DatasetSummary(
        String name,
        String path,
        boolean labelled,
        int recordings,
        int frames,
        int droppedFrames,
        Map<String, Integer> layouts,
        Map<String, Integer> coordinates,
        Map<String, ExerciseSummary> exercises,
        int subjects,
        List<String> subjectNames,
        Map<String, Integer> samples,
        List<Problem> problems) {

    public record ExerciseSummary(int recordings, int reps, int correctReps, int incorrectReps, int startFrames) {}

    public static DatasetSummary of(Dataset dataset, Map<ModelId, Integer> sampleCounts) {
        Map<String, Integer> layouts = new TreeMap<>();
        Map<String, Integer> coordinates = new TreeMap<>();
        for (Recording r : dataset.recordings()) {
            layouts.merge(r.track().layout().name(), 1, Integer::sum);
            coordinates.merge(r.track().normalisedCoordinates() ? "normalised" : "pixels", 1, Integer::sum);
        }
        Map<String, ExerciseSummary> exercises = new LinkedHashMap<>();
        for (String exercise : dataset.exercises()) {
            int recordings = 0, reps = 0, correct = 0, startFrames = 0;
            for (Recording r : dataset.recordings()) {
                if (!exercise.equals(r.exercise())) {
                    continue;
                }
                recordings++;
                reps += r.reps().size();
                correct += (int) r.reps().stream().filter(Rep::correct).count();
                for (int frame : r.track().frameNumbers()) {
                    if (r.inStartPosition(frame)) {
                        startFrames++;
                    }
                }
            }
            exercises.put(exercise, new ExerciseSummary(recordings, reps, correct, reps - correct, startFrames));
        }
        Map<String, Integer> samples = new LinkedHashMap<>();
        sampleCounts.forEach((id, n) -> samples.put(id.toString(), n));
        List<String> subjects = dataset.subjects();
        return new DatasetSummary(dataset.name(), dataset.root().toString(), dataset.labelled(),
                dataset.recordings().size(), dataset.frames(), dataset.droppedFrames(), layouts, coordinates,
                exercises, subjects.size(), subjects, samples, dataset.problems());
    }
}
