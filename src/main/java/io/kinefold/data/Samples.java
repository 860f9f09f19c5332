package io.kinefold.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives each model's samples from a dataset's labels: {@code pose} takes the start-position
 * frames labelled with their exercise, {@code start:E} every kept frame of E's recordings
 * labelled by whether it lies in a start range, {@code rep:E} E's repetitions labelled by
 * {@code correct}. Only kept (not dropped) frames become samples.
 */
public final class Samples {
    public static final List<String> START_CLASSES = List.of("other", "start");
    public static final List<String> REP_CLASSES = List.of("incorrect", "correct");

    private Samples() {}

    public static FrameSamples frames(Dataset dataset, ModelId model) {
        if (model.kind() == ModelKind.REP) {
            throw new IllegalArgumentException(model + " takes repetitions, not frames");
        }
        List<String> exercises = dataset.exercises();
        List<float[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        List<String> g = new ArrayList<>();
        for (Recording r : dataset.recordings()) {
            if (!r.labelled()) {
                continue;
            }
            boolean pose = model.kind() == ModelKind.POSE;
            if (!pose && !r.exercise().equals(model.exercise())) {
                continue;
            }
            NormalizedTrack t = r.normalized();
            for (int i = 0; i < t.size(); i++) {
                boolean start = r.inStartPosition(t.frameNumbers()[i]);
                if (pose && !start) {
                    continue;
                }
                x.add(t.features()[i]);
                y.add(pose ? exercises.indexOf(r.exercise()) : (start ? 1 : 0));
                g.add(r.subject());
            }
        }
        List<String> classes = model.kind() == ModelKind.POSE ? exercises : START_CLASSES;
        return new FrameSamples(model, x.toArray(float[][]::new), y.stream().mapToInt(Integer::intValue).toArray(),
                g.toArray(String[]::new), classes);
    }

    public static RepSamples reps(Dataset dataset, ModelId model) {
        if (model.kind() != ModelKind.REP) {
            throw new IllegalArgumentException(model + " takes frames, not repetitions");
        }
        List<NormalizedTrack> tracks = new ArrayList<>();
        List<FrameRange> ranges = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        List<String> g = new ArrayList<>();
        for (Recording r : dataset.recordings()) {
            if (!model.exercise().equals(r.exercise())) {
                continue;
            }
            for (Rep rep : r.reps()) {
                tracks.add(r.normalized());
                ranges.add(rep.frames());
                y.add(rep.correct() ? 1 : 0);
                g.add(r.subject());
            }
        }
        return new RepSamples(model, tracks, ranges, y.stream().mapToInt(Integer::intValue).toArray(),
                g.toArray(String[]::new), REP_CLASSES);
    }

    /** Sample count of every model the dataset has, in {@link Dataset#models()} order. */
    public static Map<ModelId, Integer> counts(Dataset dataset) {
        Map<ModelId, Integer> counts = new LinkedHashMap<>();
        for (ModelId id : dataset.models()) {
            counts.put(id, id.kind() == ModelKind.REP ? reps(dataset, id).size() : frames(dataset, id).size());
        }
        return counts;
    }
}
