package io.kinefold.data;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads one recording — a folder of OpenPose {@code --write_json} frames or a CSV file — into a
 * {@link PoseTrack}. Everything wrong with a file becomes a {@link Problem}; the rest is read.
 */
public final class RecordingReader {
    /** OpenPose pads the frame number to twelve digits, and writes more when there are more. */
    static final Pattern FRAME_FILE = Pattern.compile("(.*)_(\\d{12,})_keypoints\\.json");

    /** Non-finite numbers are read rather than rejected so that they can be named in a problem. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final ProblemLog log;
    private final SourceGuard guard;

    /** A reader that reads only inside the log's dataset folder. */
    public RecordingReader(ProblemLog log) {
        this.log = log;
        this.guard = SourceGuard.of(log.root());
    }

    /** True when the folder directly holds OpenPose frame files. */
    public static boolean isOpenPoseFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> FRAME_FILE.matcher(f.getFileName().toString()).matches());
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads a folder or a CSV file; empty when nothing usable was in it (a problem says why). */
    public Optional<PoseTrack> read(Path source) {
        boolean folder = Files.isDirectory(source);
        Optional<String> refusal = folder ? guard.refuseFolder(source) : guard.refuseFile(source, SourceGuard.MAX_CSV_BYTES);
        if (refusal.isPresent()) {
            log.report(source, refusal.get() + "; recording skipped");
            return Optional.empty();
        }
        return folder ? readFolder(source) : readCsv(source);
    }

    private Optional<PoseTrack> readFolder(Path dir) {
        TreeMap<Integer, Path> frames = new TreeMap<>();
        List<Path> listing;
        try (Stream<Path> files = Files.list(dir)) {
            listing = files.sorted().toList();
        } catch (IOException e) {
            log.report(dir, "cannot be listed: " + e.getMessage());
            return Optional.empty();
        }
        for (Path file : listing) {
            String name = file.getFileName().toString();
            Matcher m = FRAME_FILE.matcher(name);
            if (m.matches()) {
                OptionalInt number = frameNumber(m.group(2));
                if (number.isEmpty()) {
                    log.report(file, "frame number " + m.group(2) + " is above the largest supported (" + Integer.MAX_VALUE + "); frame skipped");
                    continue;
                }
                int frame = number.getAsInt();
                Path earlier = frames.putIfAbsent(frame, file);
                if (earlier != null) {
                    log.report(file, "frame " + frame + " already read from " + earlier.getFileName() + "; skipped");
                }
            } else if (name.endsWith(".json")) {
                log.report(file, "not named like OpenPose output (<name>_<12-digit frame>_keypoints.json); skipped");
            }
        }
        if (frames.isEmpty()) {
            log.report(dir, "empty recording: no OpenPose frame files (*_<12-digit frame>_keypoints.json)");
            return Optional.empty();
        }
        Assembler assembler = new Assembler();
        for (Map.Entry<Integer, Path> entry : frames.entrySet()) {
            readFrame(entry.getValue()).ifPresent(people -> assembler.add(entry.getKey(), people));
        }
        return assembler.build(dir);
    }

    /** The digits of a frame file's name as a frame number, or empty when they do not fit an {@code int}. */
    private static OptionalInt frameNumber(String digits) {
        String significant = digits.replaceFirst("^0+(?=\\d)", "");
        if (significant.length() > 10) {
            return OptionalInt.empty();
        }
        long value = Long.parseLong(significant);
        return value > Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of((int) value);
    }

    /** The people of one frame file, or empty when the file could not be used at all. */
    private Optional<List<Person>> readFrame(Path file) {
        Optional<String> refusal = guard.refuseFile(file, SourceGuard.MAX_FRAME_BYTES);
        if (refusal.isPresent()) {
            log.report(file, refusal.get() + "; frame skipped");
            return Optional.empty();
        }
        JsonNode root;
        try {
            byte[] bytes = SourceGuard.readAtMost(file, SourceGuard.MAX_FRAME_BYTES);
            if (bytes.length > SourceGuard.MAX_FRAME_BYTES) {
                log.report(file, "grew above the limit of " + SourceGuard.megabytes(SourceGuard.MAX_FRAME_BYTES) + " while read; frame skipped");
                return Optional.empty();
            }
            if (bytes.length == 0) {
                log.report(file, "empty file; frame skipped");
                return Optional.empty();
            }
            root = JSON.readTree(bytes);
        } catch (JsonEOFException e) {
            log.report(file, "truncated JSON (" + where(e.getLocation()) + "); frame skipped");
            return Optional.empty();
        } catch (JsonParseException e) {
            log.report(file, "not valid JSON (" + where(e.getLocation()) + ": " + e.getOriginalMessage() + "); frame skipped");
            return Optional.empty();
        } catch (JsonProcessingException e) {
            log.report(file, "not valid JSON: " + e.getOriginalMessage() + "; frame skipped");
            return Optional.empty();
        } catch (IOException e) {
            log.report(file, "cannot be read: " + e.getMessage() + "; frame skipped");
            return Optional.empty();
        }
        JsonNode people = root == null ? null : root.get("people");
        if (people == null || !people.isArray()) {
            log.report(file, "no 'people' array; frame skipped");
            return Optional.empty();
        }
        List<Person> result = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            JsonNode person = people.get(i);
            String field = "pose_keypoints_2d";
            JsonNode array = person.get(field);
            if (array == null) {
                field = "pose_keypoints";
                array = person.get(field);
            }
            String path = "people[" + i + "]." + field;
            if (array == null || !array.isArray()) {
                log.report(file, "people[" + i + "] has no pose_keypoints_2d (or legacy pose_keypoints) array; person skipped");
                continue;
            }
            if (array.isEmpty()) {
                continue; // OpenPose writes an empty array when the body was not estimated
            }
            float[] values = new float[array.size()];
            String firstBad = null;
            int bad = 0;
            for (int v = 0; v < values.length; v++) {
                JsonNode node = array.get(v);
                double d = node.isNumber() ? node.asDouble() : Double.NaN;
                if (!node.isNumber() || !Double.isFinite(d)) {
                    if (firstBad == null) {
                        firstBad = path + "[" + v + "] is " + (node.isNumber() ? node.asText() : node.getNodeType().toString().toLowerCase());
                    }
                    bad++;
                    values[v] = Float.NaN;
                } else {
                    values[v] = (float) d;
                }
            }
            if (firstBad != null) {
                log.report(file, firstBad + (bad > 1 ? " (and " + (bad - 1) + " more non-finite values)" : "")
                        + "; those keypoints treated as missing");
            }
            Optional<Person> projected = project(values);
            if (projected.isEmpty()) {
                log.report(file, path + " has " + values.length
                        + " values, which fits no body model (75 BODY_25, 54 COCO_18, 45 MPI_15); person skipped");
                continue;
            }
            result.add(projected.get());
        }
        return Optional.of(result);
    }

    private static String where(JsonLocation location) {
        return location == null ? "unknown position" : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private Optional<PoseTrack> readCsv(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.report(file, "cannot be read: " + e.getMessage());
            return Optional.empty();
        }
        Assembler assembler = new Assembler();
        TreeMap<Integer, List<Person>> rows = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\s*[,;]\\s*");
            if (i == 0 && !cells[0].isEmpty() && !Character.isDigit(cells[0].charAt(0))) {
                continue; // header row
            }
            int lineNr = i + 1;
            int frame;
            try {
                frame = Integer.parseInt(cells[0]);
            } catch (NumberFormatException e) {
                log.report(file, "line " + lineNr + ": frame '" + cells[0] + "' is not a frame number; row skipped");
                continue;
            }
            float[] values = new float[cells.length - 1];
            String firstBad = null;
            for (int v = 0; v < values.length; v++) {
                float f;
                try {
                    f = Float.parseFloat(cells[v + 1]);
                } catch (NumberFormatException e) {
                    f = Float.NaN;
                }
                if (!Float.isFinite(f) && firstBad == null) {
                    firstBad = "line " + lineNr + ", column " + (v + 2) + ": '" + cells[v + 1] + "' is not a finite number";
                }
                values[v] = f;
            }
            if (firstBad != null) {
                log.report(file, firstBad + "; keypoint treated as missing");
            }
            Optional<Person> person = project(values);
            if (person.isEmpty()) {
                log.report(file, "line " + lineNr + ": " + values.length
                        + " keypoint values fit no body model (75 BODY_25, 54 COCO_18, 45 MPI_15); row skipped");
                continue;
            }
            if (rows.containsKey(frame)) {
                log.report(file, "line " + lineNr + ": frame " + frame + " appears twice; row skipped");
                continue;
            }
            rows.put(frame, List.of(person.get()));
        }
        if (rows.isEmpty()) {
            log.report(file, "empty recording: no frame rows");
            return Optional.empty();
        }
        rows.forEach(assembler::add);
        return assembler.build(file);
    }

    /** One detected person projected onto the fourteen keypoints. */
    private record Person(float[] points, BodyLayout layout) {}

    private static Optional<Person> project(float[] values) {
        Optional<BodyLayout> layout = BodyLayout.forArrayLength(values.length);
        if (layout.isEmpty()) {
            return Optional.empty();
        }
        float[] points = new float[Skeleton.KEYPOINT_COUNT * 3];
        for (int k = 0; k < Skeleton.KEYPOINT_COUNT; k++) {
            int s = layout.get().sourceIndex(k) * 3;
            float x = values[s], y = values[s + 1], c = values[s + 2];
            boolean missing = !(Float.isFinite(x) && Float.isFinite(y) && Float.isFinite(c))
                    || c <= 0f || (x == 0f && y == 0f);
            if (!missing) {
                points[k * 3] = x;
                points[k * 3 + 1] = y;
                points[k * 3 + 2] = Math.min(c, 1f);
            }
        }
        return Optional.of(new Person(points, layout.get()));
    }

    /** Chooses one person per frame and builds the track. */
    private final class Assembler {
        private final PersonTracker tracker = new PersonTracker();
        private final List<Integer> frameNumbers = new ArrayList<>();
        private final List<float[]> points = new ArrayList<>();
        private final Map<BodyLayout, Integer> layouts = new EnumMap<>(BodyLayout.class);

        void add(int frame, List<Person> people) {
            for (Person p : people) {
                layouts.merge(p.layout(), 1, Integer::sum);
            }
            float[] chosen = tracker.choose(people.stream().map(Person::points).toList());
            frameNumbers.add(frame);
            points.add(chosen == null ? new float[Skeleton.KEYPOINT_COUNT * 3] : chosen);
        }

        Optional<PoseTrack> build(Path source) {
            if (frameNumbers.isEmpty()) {
                log.report(source, "empty recording: no frame could be read");
                return Optional.empty();
            }
            if (layouts.isEmpty()) {
                log.report(source, "empty recording: no person detected in any of " + frameNumbers.size() + " frames");
                return Optional.empty();
            }
            BodyLayout layout = layouts.entrySet().stream()
                    .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            if (layouts.size() > 1) {
                log.report(source, "mixes body models " + layouts.keySet() + "; all projected onto the 14 keypoints");
            }
            float max = 0;
            for (float[] p : points) {
                for (int k = 0; k < Skeleton.KEYPOINT_COUNT; k++) {
                    if (p[k * 3 + 2] > 0) {
                        max = Math.max(max, Math.max(Math.abs(p[k * 3]), Math.abs(p[k * 3 + 1])));
                    }
                }
            }
            int[] numbers = frameNumbers.stream().mapToInt(Integer::intValue).toArray();
            return Optional.of(new PoseTrack(numbers, points.toArray(float[][]::new), layout, max <= 1.0f));
        }
    }
}
