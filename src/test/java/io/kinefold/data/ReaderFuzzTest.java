package io.kinefold.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Fuzzes the OpenPose frame reader and the manifest reader with property-based tests: truncated
 * files, values of the wrong type, huge numbers, odd Unicode and random bytes. Whatever the input,
 * reading returns (a {@link DatasetException} being the one documented failure of a load) within
 * seconds, and every input that could not be used is a problem naming it.
 */
@Tag("slow")
class ReaderFuzzTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final String VALID_FRAME = Fixtures.people(Fixtures.coco(0, 0, 0.8f));
    /** Stand-ins for a number: other types, numbers beyond double and long, non-finite ones. */
    private static final List<String> ODD_VALUES = List.of("\"x\"", "null", "true", "{}", "[]", "[1,[2]]", "1e400", "-1e400",
            "NaN", "Infinity", "-0", "1e-400", "123456789012345678901234567890", "0.000000000000000000000000001",
            "\"\\ud800\"", "\"\u202e\u0000\"", "9223372036854775808", "-2147483649");

    private Path work;
    private int tries;

    @BeforeProperty
    void makeFolder() throws IOException {
        work = Files.createTempDirectory("kinefold-fuzz");
        tries = 0;
    }

    @AfterProperty
    void removeFolder() {
        delete(work);
    }

    // ---- frames -------------------------------------------------------------------------------

    @Provide
    Arbitrary<List<byte[]>> frameFiles() {
        return frameFile().list().ofMinSize(1).ofMaxSize(6);
    }

    private Arbitrary<byte[]> frameFile() {
        Arbitrary<String> truncated = Arbitraries.integers().between(0, VALID_FRAME.length() - 1).map(n -> VALID_FRAME.substring(0, n));
        Arbitrary<String> wrongType = Combinators.combine(Arbitraries.integers().between(0, 53), Arbitraries.of(ODD_VALUES))
                .as(ReaderFuzzTest::replaceNumber);
        Arbitrary<String> oddUnicode = Combinators.combine(Arbitraries.integers().between(0, VALID_FRAME.length()),
                Arbitraries.strings().all().ofMaxLength(12)).as((at, s) -> VALID_FRAME.substring(0, at) + s + VALID_FRAME.substring(at));
        Arbitrary<String> wrongShape = Arbitraries.of(ODD_VALUES).flatMap(v -> Arbitraries.of(
                v, "{\"people\":" + v + "}", "{\"people\":[" + v + "]}", "{\"people\":[{\"pose_keypoints_2d\":" + v + "}]}",
                "{\"people\":[{\"pose_keypoints\":[" + v + "]}]}", "[" + VALID_FRAME + "]"));
        Arbitrary<String> longArray = Arbitraries.integers().between(0, 400).map(n -> "{\"people\":[{\"pose_keypoints_2d\":["
                + String.join(",", java.util.Collections.nCopies(n, "1.5")) + "]}]}");
        Arbitrary<byte[]> text = Arbitraries.oneOf(truncated, wrongType, oddUnicode, wrongShape, longArray, Arbitraries.just(VALID_FRAME))
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, text), net.jqwik.api.Tuple.of(1, bytes));
    }

    /** The valid frame with its {@code index}-th keypoint value replaced by {@code value}. */
    private static String replaceNumber(int index, String value) {
        String numbers = Fixtures.numbers(Fixtures.coco(0, 0, 0.8f));
        String[] parts = numbers.split(",");
        parts[index] = value;
        return VALID_FRAME.replace(numbers, String.join(",", parts));
    }

    @Property(tries = 400)
    void everyFrameFileIsReadOrIsAProblemNamingIt(@ForAll("frameFiles") List<byte[]> contents) {
        Path root = work.resolve("t" + tries++);
        Path recording = root.resolve("rec");
        List<String> names = new ArrayList<>();
        for (int f = 0; f < contents.size(); f++) {
            String name = String.format(Locale.ROOT, "v_%012d_keypoints.json", f);
            write(recording.resolve(name), contents.get(f));
            names.add("rec/" + name);
        }
        write(recording.resolve("notes.json"), "{}".getBytes(StandardCharsets.UTF_8));
        ProblemLog log = new ProblemLog(root);
        Optional<PoseTrack> track = assertTimeoutPreemptively(LIMIT, () -> new RecordingReader(log).read(recording));

        List<Problem> problems = log.problems();
        assertThat(problems).anySatisfy(p -> assertThat(p.file()).isEqualTo("rec/notes.json"));
        if (track.isEmpty()) {
            // Nothing usable in any frame (no person, say): one problem names the recording.
            assertThat(problems).anySatisfy(p -> assertThat(p.file()).isEqualTo("rec"));
            delete(root);
            return;
        }
        for (int f = 0; f < names.size(); f++) {
            int frame = f;
            String name = names.get(f);
            boolean read = Arrays.stream(track.get().frameNumbers()).anyMatch(n -> n == frame);
            boolean named = problems.stream().anyMatch(p -> p.file().equals(name));
            assertThat(read || named).as("frame %d (%s) is neither read nor a problem; problems %s", f,
                    new String(contents.get(f), StandardCharsets.UTF_8), problems).isTrue();
        }
        delete(root);
    }

    // ---- manifests ----------------------------------------------------------------------------

    @Provide
    Arbitrary<String> manifests() {
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of(ODD_VALUES),
                Arbitraries.strings().all().ofMaxLength(10).map(ReaderFuzzTest::jsonString),
                Arbitraries.longs().map(l -> Long.toString(l)), Arbitraries.integers().between(-3, 30).map(i -> Integer.toString(i)));
        Arbitrary<String> source = Arbitraries.oneOf(Arbitraries.of("\"rec\"", "\"rec\"", "\"../outside\"", "\"/etc/passwd\"",
                "\"rec/v_000000000000_keypoints.json\"", "\".\"", "\"\"", "\"rec/../../x\""), value);
        Arbitrary<String> range = Combinators.combine(value, value).as((a, b) -> "[" + a + "," + b + "]");
        Arbitrary<String> ranges = Arbitraries.oneOf(range.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]"), value);
        Arbitrary<String> rep = Combinators.combine(value, value, Arbitraries.oneOf(Arbitraries.of("true", "false"), value))
                .as((s, e, c) -> "{\"start\":" + s + ",\"end\":" + e + ",\"correct\":" + c + "}");
        Arbitrary<String> reps = Arbitraries.oneOf(rep.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]"), value);
        Arbitrary<String> id = Arbitraries.oneOf(Arbitraries.of("\"a\"", "\"b\"", "\"a\""), value);
        Arbitrary<String> entry = Combinators.combine(id, source, Arbitraries.oneOf(Arbitraries.just("\"squat\""), value), ranges, reps)
                .as((i, s, e, sf, r) -> "{\"id\":" + i + ",\"source\":" + s + ",\"exercise\":" + e + ",\"startFrames\":" + sf
                        + ",\"reps\":" + r + "}");
        Arbitrary<String> recordings = Arbitraries.oneOf(entry.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]"), value);
        Arbitrary<String> manifest = Combinators.combine(value, value, recordings)
                .as((name, fps, recs) -> "{\"format\":\"kinefold-dataset/1\",\"name\":" + name + ",\"fps\":" + fps
                        + ",\"recordings\":" + recs + "}");
        return Combinators.combine(manifest, Arbitraries.integers().between(0, 100), Arbitraries.integers().between(0, 4000))
                .as((m, cut, at) -> cut < 85 ? m : m.substring(0, Math.min(at, m.length())));
    }

    private static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            b.append(c < 0x20 || c == '"' || c == '\\' ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.append('"').toString();
    }

    @Property(tries = 400)
    void everyManifestEntryIsLoadedOrIsAProblem(@ForAll("manifests") String manifest) {
        Path root = work.resolve("m" + tries++);
        Fixtures.recording(root.resolve("rec"), "v", 6);
        write(root.resolve(DatasetLoader.MANIFEST), manifest.getBytes(StandardCharsets.UTF_8));
        Dataset dataset = assertTimeoutPreemptively(LIMIT, () -> {
            try {
                return DatasetLoader.load(root);
            } catch (DatasetException e) {
                assertThat(e.problems()).as("a dataset with nothing usable says why").isNotEmpty();
                return null;
            }
        });
        if (dataset == null) {
            delete(root);
            return;
        }
        var tree = parse(manifest);
        var entries = tree == null ? null : tree.get("recordings");
        if (tree == null) {
            assertThat(dataset.labelled()).isFalse();
            assertThat(dataset.problems()).anySatisfy(p -> assertThat(p.file()).isEqualTo("dataset.json"));
        } else if (entries == null || !entries.isArray()) {
            assertThat(dataset.problems()).anySatisfy(p -> assertThat(p.message()).contains("recordings"));
        } else {
            for (int i = 0; i < entries.size(); i++) {
                var e = entries.get(i);
                String id = e.path("id").isNull() ? null : e.path("id").asText();
                String at = "recordings[" + i + "]";
                boolean loaded = dataset.recordings().stream().anyMatch(r -> r.id().equals(id));
                boolean named = dataset.problems().stream().anyMatch(p -> p.message().contains(at) || !p.file().equals("dataset.json"));
                assertThat(loaded || named).as("%s of %s is neither loaded nor a problem: %s", at, manifest, dataset.problems()).isTrue();
            }
        }
        delete(root);
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String manifest) {
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
