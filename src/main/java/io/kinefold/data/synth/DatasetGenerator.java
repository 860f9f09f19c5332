package io.kinefold.data.synth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates a synthetic labelled dataset: for every subject one recording of each exercise
 * (squat, push-up, lunge, shoulder press), written as OpenPose per-frame JSON under
 * {@code recordings/} with a {@code dataset.json} manifest beside them.
 *
 * <p>The same options always give byte-identical files.
 */
public final class DatasetGenerator {

    /**
     * @param subjects         number of people, 1 to 200
     * @param seed             seed of every random choice
     * @param repsPerRecording repetitions in each recording, 1 to 20
     * @param fps              frames per second, 10 to 60
     */
    public record Options(int subjects, long seed, int repsPerRecording, int fps, String name) {

        /** The name of the bundled dataset, which {@link #defaults()} makes: the app and the docs call it this too. */
        public static final String BUNDLED_NAME = "demo";

        public Options {
            check(subjects, 1, 200, "subjects");
            check(repsPerRecording, 1, 20, "repsPerRecording");
            check(fps, 10, 60, "fps");
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name must not be empty");
            }
        }

        /** Named {@code synthetic-SEED}. */
        public Options(int subjects, long seed, int repsPerRecording, int fps) {
            this(subjects, seed, repsPerRecording, fps, "synthetic-" + seed);
        }

        /**
         * 12 subjects, seed 1, 8 repetitions per recording, 15 fps: the bundled dataset. Many short
         * reps at a detector-like 15 fps give the rep models enough samples while the dataset stays
         * a few MB.
         */
        public static Options defaults() {
            return new Options(12, 1, 8, 15, BUNDLED_NAME);
        }

        private static void check(int value, int min, int max, String name) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(
                        name + " must be between " + min + " and " + max + ", was " + value);
            }
        }
    }

    /**
     * What was written.
     *
     * @param recordings   number of recordings (subjects × 4)
     * @param frames       frame files over all recordings
     * @param reps         labelled repetitions
     * @param correctReps  of which correct
     * @param bytesWritten bytes of all files, manifest included
     */
    public record Summary(Path directory, int recordings, int frames, int reps, int correctReps,
            long bytesWritten) {
    }

    static final String MANIFEST = "dataset.json";
    static final String RECORDINGS = "recordings";

    private DatasetGenerator() {
    }

    /**
     * Writes a dataset into {@code outDir}, creating it if needed.
     *
     * @throws IOException if {@code outDir} exists and is not an empty directory (nothing is
     *                     overwritten), or on a write error
     */
    public static Summary generate(Path outDir, Options options) throws IOException {
        return generate(outDir, options, false);
    }

    /**
     * Writes a dataset; with {@code csv}, each recording is one CSV file of the subject's
     * keypoints instead of a folder of per-frame OpenPose JSON (no bystanders then). The bundled
     * dataset is CSV: thousands of tiny JSON files take ten times their size on disk.
     */
    public static Summary generate(Path outDir, Options options, boolean csv) throws IOException {
        prepare(outDir);
        Path recordingsDir = outDir.resolve(RECORDINGS);
        // Sequential on purpose: the default dataset takes a couple of seconds, mostly file
        // writes, and the engine runs no work on pools it does not own.
        List<Take.Written> written = new ArrayList<>();
        for (int s = 0; s < options.subjects(); s++) {
            Subject subject = Subject.sample(s, Rng.derive(options.seed(), s));
            for (Exercise exercise : Exercise.values()) {
                written.add(Take.write(recordingsDir, subject, s, exercise, options, csv));
            }
        }
        byte[] manifest = ManifestJson.encode(options, written).getBytes(StandardCharsets.UTF_8);
        Files.write(outDir.resolve(MANIFEST), manifest);

        int frames = 0;
        int reps = 0;
        int correct = 0;
        long bytes = manifest.length;
        for (Take.Written recording : written) {
            frames += recording.frames();
            reps += recording.reps().size();
            correct += (int) recording.reps().stream().filter(Take.Rep::correct).count();
            bytes += recording.bytes();
        }
        return new Summary(outDir, written.size(), frames, reps, correct, bytes);
    }

    private static void prepare(Path outDir) throws IOException {
        if (Files.exists(outDir)) {
            if (!Files.isDirectory(outDir)) {
                throw new IOException("Cannot generate a dataset into " + outDir + ": it is a file, not a directory");
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(outDir)) {
                if (entries.iterator().hasNext()) {
                    throw new IOException("Cannot generate a dataset into " + outDir
                            + ": the directory is not empty (choose a new or empty directory)");
                }
            }
        }
        Files.createDirectories(outDir);
    }
}
