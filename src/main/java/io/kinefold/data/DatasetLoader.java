package io.kinefold.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Loads a dataset folder: a {@code dataset.json} manifest and the recordings it names, or, without
 * a manifest, every OpenPose output folder and CSV file inside as unlabelled recordings. Reads
 * only; nothing is ever written into the folder.
 */
public final class DatasetLoader {
    public static final String MANIFEST = "dataset.json";
    public static final String FORMAT = "kinefold-dataset/1";
    private static final int SCAN_DEPTH = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetLoader() {}

    /**
     * Loads the dataset.
     *
     * @throws DatasetException when nothing usable is in it (no folder, no readable recording)
     */
    public static Dataset load(Path dir) throws DatasetException {
        Path root = dir.toAbsolutePath().normalize();
        ProblemLog log = new ProblemLog(root);
        if (!Files.isDirectory(root)) {
            throw new DatasetException(dir + ": not a folder", List.of());
        }
        Path manifest = root.resolve(MANIFEST);
        SourceGuard guard = SourceGuard.of(root);
        Dataset dataset = null;
        if (Files.exists(manifest, LinkOption.NOFOLLOW_LINKS)) {
            Optional<JsonNode> tree = readManifest(manifest, guard, log);
            if (tree.isPresent()) {
                dataset = fromManifest(root, manifest, tree.get(), guard, log);
            }
        }
        if (dataset == null) {
            dataset = unlabelled(root, log);
        }
        if (dataset.recordings().isEmpty()) {
            // The dataset's problems, not the folder's log alone: each recording is read into a log of its own.
            List<Problem> problems = dataset.problems();
            throw new DatasetException(dir + ": nothing usable (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ")",
                    problems);
        }
        return dataset;
    }

    private static Optional<JsonNode> readManifest(Path manifest, SourceGuard guard, ProblemLog log) {
        Optional<String> refusal = guard.refuseFile(manifest, SourceGuard.MAX_MANIFEST_BYTES);
        if (refusal.isPresent()) {
            log.report(manifest, refusal.get() + "; loaded the folder as unlabelled recordings");
            return Optional.empty();
        }
        try {
            byte[] bytes = SourceGuard.readAtMost(manifest, SourceGuard.MAX_MANIFEST_BYTES);
            if (bytes.length > SourceGuard.MAX_MANIFEST_BYTES) {
                log.report(manifest, "grew above the limit of " + SourceGuard.megabytes(SourceGuard.MAX_MANIFEST_BYTES)
                        + " while read; loaded the folder as unlabelled recordings");
                return Optional.empty();
            }
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                log.report(manifest, "not a JSON object; loaded the folder as unlabelled recordings");
                return Optional.empty();
            }
            return Optional.of(node);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            log.report(manifest, "not valid JSON (" + (loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ")
                    + e.getOriginalMessage() + "); loaded the folder as unlabelled recordings");
            return Optional.empty();
        } catch (IOException e) {
            log.report(manifest, "cannot be read: " + e.getMessage() + "; loaded the folder as unlabelled recordings");
            return Optional.empty();
        }
    }

    /** What the manifest says of one recording, before its source is read. */
    private record Entry(int index, String id, Path source, String subject, String exercise,
                         List<FrameRange> startFrames, List<RepEntry> reps) {
        String where() {
            return "recordings[" + index + "] (" + id + ")";
        }
    }

    private record RepEntry(int index, FrameRange frames, boolean correct) {}

    private static Dataset fromManifest(Path root, Path manifest, JsonNode tree, SourceGuard guard, ProblemLog log) {
        String format = tree.path("format").asText(null);
        if (!FORMAT.equals(format)) {
            log.report(manifest, "format: expected '" + FORMAT + "' but found " + (format == null ? "none" : "'" + format + "'") + "; read as " + FORMAT);
        }
        String name = tree.path("name").asText(root.getFileName().toString());
        double fps = 30;
        JsonNode fpsNode = tree.get("fps");
        if (fpsNode != null) {
            if (fpsNode.isNumber() && fpsNode.asDouble() > 0 && Double.isFinite(fpsNode.asDouble())) {
                fps = fpsNode.asDouble();
            } else {
                log.report(manifest, "fps: '" + fpsNode + "' is not a positive number; 30 assumed");
            }
        }
        Set<String> knownExercises = null;
        JsonNode exercisesNode = tree.get("exercises");
        if (exercisesNode != null && exercisesNode.isArray()) {
            knownExercises = new HashSet<>();
            for (JsonNode e : exercisesNode) {
                knownExercises.add(e.asText());
            }
        }
        JsonNode recordingsNode = tree.get("recordings");
        if (recordingsNode == null || !recordingsNode.isArray()) {
            log.report(manifest, "recordings: missing or not an array; no recording listed");
            return new Dataset(name, root, fps, true, List.of(), log.problems());
        }
        if (recordingsNode.isEmpty()) {
            // Otherwise an empty list would end in "nothing usable (0 problems)", which says nothing.
            log.report(manifest, "recordings: the list is empty; no recording listed");
        }
        List<Entry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < recordingsNode.size(); i++) {
            parseEntry(i, recordingsNode.get(i), root, manifest, knownExercises, ids, log)
                    .filter(entry -> confined(entry, guard, manifest, log))
                    .ifPresent(entries::add);
        }

        // Recordings are read in parallel, each into its own log, and merged in manifest order
        // so that problems come out the same on every run.
        List<ProblemLog> logs = entries.stream().map(e -> new ProblemLog(root)).toList();
        List<Optional<Recording>> loaded = IntStream.range(0, entries.size()).parallel()
                .mapToObj(i -> buildRecording(entries.get(i), manifest, logs.get(i)))
                .toList();
        List<Problem> problems = new ArrayList<>(log.problems());
        List<Recording> recordings = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            problems.addAll(logs.get(i).problems());
            loaded.get(i).ifPresent(recordings::add);
        }
        return new Dataset(name, root, fps, true, recordings, problems);
    }

    /**
     * Whether the entry's source lies inside the dataset folder and can be read; otherwise a problem
     * names the recording, and neither the link's target nor anything read from it.
     */
    private static boolean confined(Entry entry, SourceGuard guard, Path manifest, ProblemLog log) {
        Path source = entry.source();
        Optional<String> refusal = Files.isDirectory(source) ? guard.refuseFolder(source)
                : guard.refuseFile(source, SourceGuard.MAX_CSV_BYTES);
        refusal.ifPresent(reason -> log.report(manifest, entry.where() + ".source: " + reason + "; recording skipped"));
        return refusal.isEmpty();
    }

    private static Optional<Entry> parseEntry(int i, JsonNode node, Path root, Path manifest,
                                              Set<String> knownExercises, Set<String> ids, ProblemLog log) {
        String at = "recordings[" + i + "]";
        if (node == null || !node.isObject()) {
            log.report(manifest, at + ": not an object; skipped");
            return Optional.empty();
        }
        String id = text(node, "id");
        if (id == null || id.isBlank()) {
            log.report(manifest, at + ".id: missing; recording skipped");
            return Optional.empty();
        }
        at = at + " (" + id + ")";
        if (!ids.add(id)) {
            log.report(manifest, at + ".id: duplicate id; recording skipped");
            return Optional.empty();
        }
        String source = text(node, "source");
        if (source == null || source.isBlank()) {
            log.report(manifest, at + ".source: missing; recording skipped");
            return Optional.empty();
        }
        Path sourcePath;
        try {
            sourcePath = root.resolve(source).normalize();
        } catch (InvalidPathException e) {
            log.report(manifest, at + ".source: not a path on this system (" + e.getReason() + "); recording skipped");
            return Optional.empty();
        }
        if (!Files.exists(sourcePath)) {
            log.report(manifest, at + ".source: '" + source + "' does not exist; recording skipped");
            return Optional.empty();
        }
        String subject = text(node, "subject");
        if (subject == null || subject.isBlank()) {
            subject = id;
        }
        String exercise = text(node, "exercise");
        if (exercise != null && exercise.isBlank()) {
            exercise = null;
        }
        if (exercise != null && knownExercises != null && !knownExercises.contains(exercise)) {
            log.report(manifest, at + ".exercise: '" + exercise + "' is not one of the dataset's exercises "
                    + knownExercises.stream().sorted().toList() + "; loaded without labels");
            exercise = null;
        }
        List<FrameRange> startFrames = new ArrayList<>();
        JsonNode starts = node.get("startFrames");
        if (starts != null) {
            if (!starts.isArray()) {
                log.report(manifest, at + ".startFrames: not an array of [first, last] ranges; ignored");
            } else {
                for (int s = 0; s < starts.size(); s++) {
                    JsonNode range = starts.get(s);
                    String field = at + ".startFrames[" + s + "]";
                    if (range.isArray() && range.size() == 2 && range.get(0).canConvertToInt() && range.get(1).canConvertToInt()
                            && range.get(0).isIntegralNumber() && range.get(1).isIntegralNumber()) {
                        int a = range.get(0).asInt(), b = range.get(1).asInt();
                        if (a < 0 || b < a) {
                            log.report(manifest, field + ": [" + a + ", " + b + "] is not a range of frames; skipped");
                        } else {
                            startFrames.add(new FrameRange(a, b));
                        }
                    } else {
                        log.report(manifest, field + ": expected [first, last] frame numbers but found " + range + "; skipped");
                    }
                }
            }
        }
        List<RepEntry> reps = new ArrayList<>();
        JsonNode repsNode = node.get("reps");
        if (repsNode != null) {
            if (!repsNode.isArray()) {
                log.report(manifest, at + ".reps: not an array; ignored");
            } else {
                for (int r = 0; r < repsNode.size(); r++) {
                    JsonNode rep = repsNode.get(r);
                    String field = at + ".reps[" + r + "]";
                    JsonNode start = rep.get("start"), end = rep.get("end"), correct = rep.get("correct");
                    if (start == null || end == null || !start.isIntegralNumber() || !end.isIntegralNumber()) {
                        log.report(manifest, field + ": needs integer 'start' and 'end' frames; rep skipped");
                        continue;
                    }
                    if (correct == null || !correct.isBoolean()) {
                        log.report(manifest, field + ".correct: missing or not true/false; rep skipped");
                        continue;
                    }
                    String repExercise = text(rep, "exercise");
                    if (repExercise != null && !repExercise.equals(exercise)) {
                        log.report(manifest, field + ".exercise: '" + repExercise + "' is unknown here (the recording's exercise is "
                                + (exercise == null ? "not set" : "'" + exercise + "'") + "); rep skipped");
                        continue;
                    }
                    if (exercise == null) {
                        log.report(manifest, field + ": the recording has no exercise; rep skipped");
                        continue;
                    }
                    int a = start.asInt(), b = end.asInt();
                    if (a < 0 || b < a) {
                        log.report(manifest, field + ": start " + a + " and end " + b + " are not a range of frames; rep skipped");
                        continue;
                    }
                    reps.add(new RepEntry(r, new FrameRange(a, b), correct.asBoolean()));
                }
            }
        }
        return Optional.of(new Entry(i, id, sourcePath, subject, exercise, startFrames, reps));
    }

    private static Optional<Recording> buildRecording(Entry entry, Path manifest, ProblemLog log) {
        Optional<PoseTrack> track = new RecordingReader(log).read(entry.source());
        if (track.isEmpty()) {
            return Optional.empty();
        }
        PoseTrack t = track.get();
        NormalizedTrack normalized = Normalizer.normalize(t);
        if (normalized.size() == 0) {
            log.report(entry.source(), "all " + t.frameCount() + " frames are mostly missing; recording skipped");
            return Optional.empty();
        }
        String span = "frames " + t.firstFrame() + "–" + t.lastFrame();
        List<FrameRange> startFrames = new ArrayList<>();
        for (int s = 0; s < entry.startFrames().size(); s++) {
            FrameRange range = entry.startFrames().get(s);
            if (range.start() < t.firstFrame() || range.end() > t.lastFrame()) {
                log.report(manifest, entry.where() + ".startFrames[" + s + "]: [" + range.start() + ", " + range.end()
                        + "] lies outside the recording (" + span + "); skipped");
            } else {
                startFrames.add(range);
            }
        }
        List<Rep> reps = new ArrayList<>();
        for (RepEntry rep : entry.reps()) {
            String field = entry.where() + ".reps[" + rep.index() + "]";
            if (rep.frames().start() < t.firstFrame() || rep.frames().end() > t.lastFrame()) {
                log.report(manifest, field + ": frames " + rep.frames().start() + "–" + rep.frames().end()
                        + " lie outside the recording (" + span + "); rep skipped");
            } else if (normalized.indicesIn(rep.frames()).length < 2) {
                log.report(manifest, field + ": fewer than two usable frames in " + rep.frames().start() + "–"
                        + rep.frames().end() + "; rep skipped");
            } else {
                reps.add(new Rep(rep.frames(), rep.correct()));
            }
        }
        return Optional.of(new Recording(entry.id(), entry.source(), entry.subject(), entry.exercise(),
                startFrames, reps, t, normalized));
    }

    private static Dataset unlabelled(Path root, ProblemLog log) {
        List<Path> sources = new ArrayList<>();
        if (RecordingReader.isOpenPoseFolder(root)) {
            sources.add(root);
        } else {
            try (Stream<Path> walk = Files.walk(root, SCAN_DEPTH)) {
                walk.filter(p -> !p.equals(root))
                        .filter(p -> RecordingReader.isOpenPoseFolder(p)
                                || (!Files.isDirectory(p) && p.getFileName().toString().toLowerCase().endsWith(".csv")))
                        .sorted()
                        .forEach(sources::add);
            } catch (IOException e) {
                log.report(root, "cannot be scanned: " + e.getMessage());
            }
        }
        List<ProblemLog> logs = sources.stream().map(s -> new ProblemLog(root)).toList();
        List<Optional<Recording>> loaded = IntStream.range(0, sources.size()).parallel().mapToObj(i -> {
            Path source = sources.get(i);
            String id = source.equals(root) ? root.getFileName().toString() : log.name(source);
            Optional<PoseTrack> track = new RecordingReader(logs.get(i)).read(source);
            return track.map(t -> new Recording(id, source, id, null, List.of(), List.of(), t, Normalizer.normalize(t)));
        }).toList();
        List<Problem> problems = new ArrayList<>(log.problems());
        List<Recording> recordings = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            problems.addAll(logs.get(i).problems());
            loaded.get(i).ifPresent(recordings::add);
        }
        if (sources.isEmpty()) {
            problems.add(new Problem(root.toString(), "no dataset.json and no OpenPose output folders or CSV recordings inside"));
        }
        return new Dataset(root.getFileName().toString(), root, 30, false, recordings, problems);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
