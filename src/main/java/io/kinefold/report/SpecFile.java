package io.kinefold.report;

import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.SpecIo;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Saves an experiment spec as a whole file or not at all, so that a failed save from the
 * workbench never leaves half a spec where a good one was.
 */
public final class SpecFile {
    private SpecFile() {}

    public static void write(ExperimentSpec spec, Path file) throws IOException {
        AtomicFile.write(file, SpecIo.toJson(spec) + System.lineSeparator());
    }
}
