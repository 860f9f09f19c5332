package io.kinefold.cli;

import io.kinefold.data.Dataset;
import io.kinefold.data.DatasetException;
import io.kinefold.data.DatasetLoader;
import io.kinefold.data.DatasetSummary;
import io.kinefold.data.Problem;
import io.kinefold.kind.Kinds;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Mixin;

/** {@code kinefold dataset inspect DIR [--json]}. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Report recordings, frames, layouts, exercises, reps, samples per model and every problem of a dataset.")
final class InspectCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "Dataset folder (with dataset.json), or a folder of OpenPose output.")
    Path dir;

    @Mixin
    Console console;

    @Override
    public Integer call() {
        PrintWriter out = console.out();
        PrintWriter err = console.err();
        Dataset dataset;
        try {
            dataset = DatasetLoader.load(dir);
        } catch (DatasetException e) {
            err.println("kinefold: " + e.getMessage());
            for (Problem p : e.problems()) {
                err.println("  " + p);
            }
            return KinefoldCommand.BAD_INPUT;
        }
        DatasetSummary summary = DatasetSummary.of(dataset, Kinds.sampleCounts(dataset));
        if (console.json) {
            console.printJson(summary);
        } else {
            printHuman(summary, out);
        }
        out.flush();
        return KinefoldCommand.OK;
    }

    static void printHuman(DatasetSummary s, PrintWriter out) {
        out.printf("Dataset %s (%s)%s%n", s.name(), s.path(), s.labelled() ? "" : ", unlabelled: no dataset.json");
        out.printf("  %-14s %d%n", "recordings", s.recordings());
        out.printf("  %-14s %d (%d dropped: mostly missing keypoints)%n", "frames", s.frames(), s.droppedFrames());
        out.printf("  %-14s %s%n", "layouts", joined(s.layouts()));
        out.printf("  %-14s %s%n", "coordinates", joined(s.coordinates()));
        out.printf("  %-14s %d%n", "subjects", s.subjects());
        if (!s.exercises().isEmpty()) {
            out.println();
            out.printf("  %-16s %10s %6s %8s %10s %13s%n", "exercise", "recordings", "reps", "correct", "incorrect", "start frames");
            s.exercises().forEach((name, e) -> out.printf("  %-16s %10d %6d %8d %10d %13d%n",
                    name, e.recordings(), e.reps(), e.correctReps(), e.incorrectReps(), e.startFrames()));
            out.println();
            out.printf("  %-24s %8s%n", "model", "samples");
            s.samples().forEach((model, n) -> out.printf("  %-24s %8d%n", model, n));
        }
        out.println();
        out.printf("Problems: %d%n", s.problems().size());
        for (Problem p : s.problems()) {
            out.println("  " + p);
        }
    }

    private static String joined(Map<String, Integer> counts) {
        StringBuilder b = new StringBuilder();
        counts.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(": ").append(v));
        return b.toString();
    }
}
