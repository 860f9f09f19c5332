package io.kinefold.report;

import io.kinefold.exec.ModelFile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a refitted model: the zip, then its sidecar copy beside it ({@link ModelFile#sidecarPath}),
 * each whole or not at all ({@link AtomicFile}). The zip holds the sidecar too, so a failure after
 * the zip leaves a complete model without its copy, never a partial file.
 */
public final class ModelFileOutput {
    private ModelFileOutput() {}

    /**
     * Refuses targets that are not a new path or a regular file, before a refit spends its time.
     *
     * @throws OutputTargetException naming the zip or the sidecar path
     */
    public static void checkTargets(Path zip) throws IOException {
        AtomicFile.checkTarget(zip.toAbsolutePath());
        AtomicFile.checkTarget(ModelFile.sidecarPath(zip.toAbsolutePath()));
    }

    /** Writes both files and returns the sidecar's path. */
    public static Path write(ModelFile model, Path zip) throws IOException {
        Path sidecar = ModelFile.sidecarPath(zip.toAbsolutePath());
        AtomicFile.write(zip, model.zip());
        AtomicFile.write(sidecar, model.sidecar());
        return sidecar;
    }
}
