package io.kinefold.cli;

import io.kinefold.data.synth.DatasetGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Mixin;

/** {@code kinefold dataset generate OUT_DIR [--subjects N] [--seed S]}. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a synthetic dataset of four exercises as OpenPose per-frame JSON with a manifest.")
final class GenerateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "OUT_DIR", description = "Folder to create; must not exist or be empty.")
    Path out;

    @Option(names = "--subjects", paramLabel = "N", description = "Subjects (default: ${DEFAULT-VALUE}).")
    int subjects = DatasetGenerator.Options.defaults().subjects();

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = DatasetGenerator.Options.defaults().seed();

    @Option(names = "--reps", paramLabel = "N", description = "Repetitions per recording (default: ${DEFAULT-VALUE}).")
    int reps = DatasetGenerator.Options.defaults().repsPerRecording();

    @Option(names = "--fps", paramLabel = "N", description = "Frames per second (default: ${DEFAULT-VALUE}).")
    int fps = DatasetGenerator.Options.defaults().fps();

    @Option(names = "--name", paramLabel = "NAME",
            description = "The dataset's name in its manifest (default: synthetic-SEED; the bundled dataset is "
                    + DatasetGenerator.Options.BUNDLED_NAME + ").")
    String name;

    @Option(names = "--csv", description = "One CSV file per recording instead of a folder of OpenPose JSON frames.")
    boolean csv;

    @Mixin
    Console console;

    @Override
    public Integer call() {
        PrintWriter err = console.err();
        DatasetGenerator.Options options;
        try {
            options = name == null
                    ? new DatasetGenerator.Options(subjects, seed, reps, fps)
                    : new DatasetGenerator.Options(subjects, seed, reps, fps, name);
        } catch (IllegalArgumentException e) {
            err.println("kinefold: " + e.getMessage());
            return KinefoldCommand.BAD_INPUT;
        }
        DatasetGenerator.Summary summary;
        try {
            summary = DatasetGenerator.generate(out, options, csv);
        } catch (IOException e) {
            err.println("kinefold: " + e.getMessage());
            return KinefoldCommand.BAD_INPUT;
        }
        if (console.json) {
            console.printJson(summary);
        } else {
            err.printf("Wrote %s: %d recordings, %d frames, %d reps (%d correct), %.1f MB%n", summary.directory(),
                    summary.recordings(), summary.frames(), summary.reps(), summary.correctReps(),
                    summary.bytesWritten() / 1e6);
        }
        return KinefoldCommand.OK;
    }
}
