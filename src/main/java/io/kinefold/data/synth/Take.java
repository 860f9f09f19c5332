package io.kinefold.data.synth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One take: a subject filmed doing one exercise. Plans the repetitions, poses the body frame by
 * frame, films it, runs the detector over it and writes one OpenPose JSON file per frame.
 */
final class Take {

    /** One labelled repetition; frame numbers are inclusive, {@code fault} is null if correct. */
    record Rep(int start, int end, Fault fault) {
        boolean correct() {
            return fault == null;
        }
    }

    /** What the manifest needs to know about a written recording. */
    record Written(String id, String source, String subject, Exercise exercise, List<int[]> startFrames, List<Rep> reps,
            int frames, long bytes) {
    }

    private record Performance(List<Vec3[]> poses, List<int[]> startFrames, List<Rep> reps) {
    }

    /**
     * Random streams under (seed, subject, exercise), one per concern, so that changing how one
     * concern draws (say, the detector) leaves everything else about a take as it was.
     */
    private static final int PLAN = 1;
    private static final int STYLE = 2;
    private static final int FILMING = 3;
    private static final int DETECTION = 4;
    private static final int BACKGROUND = 5;
    private static final int SWAY = 6;
    private static final double BYSTANDER_CHANCE = 0.25;
    private static final double EMPTY_FRAME_START = 0.005;

    private Take() {
    }

    static Written write(Path recordingsDir, Subject subject, int subjectIndex, Exercise exercise,
            DatasetGenerator.Options options, boolean csv) throws IOException {
        long seed = options.seed();
        int e = exercise.ordinal();
        String id = subject.id() + "-" + exercise.id;
        Motion<?> motion = exercise.motion(subject.body(), Rng.derive(seed, subjectIndex, e, STYLE));
        Sway.Source sway = new Sway.Source(Rng.derive(seed, subjectIndex, e, SWAY), subject.restlessness());
        Performance performance = perform(motion, subject, exercise, options,
                Rng.derive(seed, subjectIndex, e, PLAN), sway);
        List<Vec3[]> poses = performance.poses();
        int frames = poses.size();

        Rng filming = Rng.derive(seed, subjectIndex, e, FILMING);
        Camera camera = subject.camera(exercise, centroid(poses.get(0)), filming);
        double[][][] image = film(camera, poses, filming);
        double[] box = boundingBox(image);
        double personHeight = camera.pixelsPerMetre() * subject.body().standingHeight();

        Rng detection = Rng.derive(seed, subjectIndex, e, DETECTION);
        Detector detector = new Detector(detection, Detector.Profile.sample(detection));
        Rng background = Rng.derive(seed, subjectIndex, e, BACKGROUND);
        Bystander bystander = background.chance(BYSTANDER_CHANCE)
                ? new Bystander(background, camera.pixelsPerMetre(), box, frames, options.fps())
                : null;

        Files.createDirectories(recordingsDir);
        FrameSink sink = csv ? new CsvSink(recordingsDir.resolve(id + ".csv")) : new JsonSink(recordingsDir.resolve(id), id);
        long bytes = writeFrames(sink, image, personHeight, detector, detection, bystander, background);
        String source = DatasetGenerator.RECORDINGS + "/" + id + (csv ? ".csv" : "");
        return new Written(id, source, subject.id(), exercise, performance.startFrames(), performance.reps(), frames, bytes);
    }

    /** Where a recording's frames go: a folder of OpenPose JSON, or one CSV file. */
    private interface FrameSink {
        /** Writes one frame; returns the bytes written. */
        long frame(int frame, List<double[]> people, double[] subject) throws IOException;

        default long finish() throws IOException {
            return 0;
        }
    }

    private record JsonSink(Path dir, String id) implements FrameSink {
        JsonSink {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public long frame(int frame, List<double[]> people, double[] subject) throws IOException {
            byte[] json = FrameJson.encode(people);
            Files.write(dir.resolve(FrameJson.fileName(id, frame)), json);
            return json.length;
        }
    }

    /**
     * One row per frame, the subject only: a CSV recording holds one person, so the bystander is
     * left out and a frame without a detection is a row of zeros.
     */
    private static final class CsvSink implements FrameSink {
        private final Path file;
        private final StringBuilder out = new StringBuilder();

        CsvSink(Path file) {
            this.file = file;
            out.append("frame");
            for (int k = 0; k < 25; k++) {
                out.append(",x").append(k).append(",y").append(k).append(",c").append(k);
            }
            out.append('\n');
        }

        @Override
        public long frame(int frame, List<double[]> people, double[] subject) {
            out.append(frame).append(',');
            FrameJson.keypoints(out, subject == null ? new double[75] : subject);
            out.append('\n');
            return 0;
        }

        @Override
        public long finish() throws IOException {
            byte[] bytes = out.toString().getBytes(StandardCharsets.US_ASCII);
            Files.write(file, bytes);
            return bytes.length;
        }
    }

    private static long writeFrames(FrameSink sink, double[][][] image, double personHeight,
            Detector detector, Rng detection, Bystander bystander, Rng background) throws IOException {
        long bytes = 0;
        int emptyFor = 0;
        // OpenPose lists people in no stable order; the bystander changes place now and then.
        boolean bystanderFirst = background.chance(0.5);
        for (int f = 0; f < image.length; f++) {
            double[] person = detector.detect(image[f], personHeight);
            double[] other = bystander == null ? null : bystander.frame(f);
            boolean empty;
            if (emptyFor > 0) {
                empty = true;
                emptyFor--;
            } else {
                empty = detection.chance(EMPTY_FRAME_START);
                emptyFor = empty ? detection.between(0, 2) : 0;
            }
            if (background.chance(0.1)) {
                bystanderFirst = !bystanderFirst;
            }
            List<double[]> people = new ArrayList<>(2);
            if (!empty) {
                if (other != null && bystanderFirst) {
                    people.add(other);
                }
                people.add(person);
                if (other != null && !bystanderFirst) {
                    people.add(other);
                }
            }
            bytes += sink.frame(f, people, empty ? null : person);
        }
        return bytes + sink.finish();
    }

    private static <R> Performance perform(Motion<R> motion, Subject subject, Exercise exercise,
            DatasetGenerator.Options options, Rng rng, Sway.Source sway) {
        int count = options.repsPerRecording();
        boolean[] correct = correctness(count, subject.skill(), rng);
        double fps = options.fps();
        double preference = subject.faultPreference().get(exercise.ordinal());

        List<Vec3[]> poses = new ArrayList<>();
        List<int[]> holds = new ArrayList<>();
        List<Rep> reps = new ArrayList<>();
        hold(motion, sway, poses, holds, frames(rng.uniform(0.4, 0.85), fps, 3), fps);
        for (int i = 0; i < count; i++) {
            Fault fault = correct[i] ? null : exercise.faults.get(rng.chance(preference) ? 0 : 1);
            R rep = motion.plan(fault, i, rng);
            double seconds = Phases.clamp(subject.tempo() * exercise.tempo * motion.relativeDuration(rep)
                    * rng.gaussian(1, 0.08), 1.1, 2.8);
            int length = frames(seconds, fps, 8);
            int start = poses.size();
            for (int j = 0; j < length; j++) {
                // The first and last frames are already moving: rest belongs to the holds.
                double u = (j + 1.0) / (length + 1.0);
                poses.add(motion.pose(rep, u, sway.at(poses.size() / fps)));
            }
            reps.add(new Rep(start, poses.size() - 1, fault));
            double rest = i == count - 1 ? rng.uniform(0.3, 0.7) : rng.uniform(0.3, 0.75);
            hold(motion, sway, poses, holds, frames(rest, fps, 3), fps);
        }
        return new Performance(poses, holds, reps);
    }

    private static void hold(Motion<?> motion, Sway.Source sway, List<Vec3[]> poses, List<int[]> holds,
            int length, double fps) {
        int start = poses.size();
        for (int j = 0; j < length; j++) {
            poses.add(motion.start(sway.at(poses.size() / fps)));
        }
        holds.add(new int[] {start, poses.size() - 1});
    }

    /**
     * Which repetitions are correct: drawn from the subject's skill, but with at least one of each
     * whenever there are two or more, so that every subject contributes both classes.
     */
    private static boolean[] correctness(int count, double skill, Rng rng) {
        int correct = 0;
        for (int i = 0; i < count; i++) {
            if (rng.chance(skill)) {
                correct++;
            }
        }
        if (count >= 2) {
            correct = Math.max(1, Math.min(count - 1, correct));
        }
        boolean[] result = new boolean[count];
        for (int i = 0; i < correct; i++) {
            result[i] = true;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = rng.between(0, i);
            boolean t = result[i];
            result[i] = result[j];
            result[j] = t;
        }
        return result;
    }

    private static int frames(double seconds, double fps, int minimum) {
        return Math.max(minimum, (int) Math.round(seconds * fps));
    }

    private static Vec3 centroid(Vec3[] pose) {
        Vec3 sum = Vec3.ZERO;
        for (Vec3 p : pose) {
            sum = sum.plus(p);
        }
        return sum.times(1.0 / pose.length);
    }

    /**
     * Projects every frame and then places the whole recording at a random spot in the picture
     * where all of it fits (a person filming themselves keeps the whole body in view).
     */
    private static double[][][] film(Camera camera, List<Vec3[]> poses, Rng rng) {
        Camera.Projector projector = camera.projector();
        double[][][] image = new double[poses.size()][Figure.POINTS][];
        for (int f = 0; f < image.length; f++) {
            for (int k = 0; k < Figure.POINTS; k++) {
                image[f][k] = projector.project(poses.get(f)[k]);
            }
        }
        double[] box = boundingBox(image);
        double margin = 8;
        double dx = placement(rng, margin - box[0], Camera.WIDTH - margin - box[2]);
        double dy = placement(rng, margin - box[1], Camera.HEIGHT - margin - box[3]);
        for (double[][] frame : image) {
            for (double[] point : frame) {
                point[0] += dx;
                point[1] += dy;
            }
        }
        return image;
    }

    /** Towards the middle more often than the edges: people frame themselves roughly centred. */
    private static double placement(Rng rng, double low, double high) {
        if (low > high) {
            return (low + high) / 2;
        }
        return (rng.uniform(low, high) + rng.uniform(low, high)) / 2;
    }

    /** Min x, min y, max x, max y over all frames. */
    private static double[] boundingBox(double[][][] image) {
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double[][] frame : image) {
            for (double[] point : frame) {
                box[0] = Math.min(box[0], point[0]);
                box[1] = Math.min(box[1], point[1]);
                box[2] = Math.max(box[2], point[0]);
                box[3] = Math.max(box[3], point[1]);
            }
        }
        return box;
    }
}
