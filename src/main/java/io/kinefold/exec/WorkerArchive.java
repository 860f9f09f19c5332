package io.kinefold.exec;

import io.kinefold.data.DatasetException;
import io.kinefold.experiment.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes the class-data archive that workers start from: runs one round of the {@link Bench} in a
 * worker that writes every class it loaded to {@code <jar>-worker.jsa} beside the app's jar as
 * it exits. The build runs it after packaging ({@code mvn package}); a worker started from that
 * jar then maps its classes instead of loading them, and is ready in about half the time.
 *
 * <p>Usage: {@code java -cp target/kinefold.jar io.kinefold.exec.WorkerArchive DATASET_DIR}.
 * Never fails the build: without an archive, workers only start slower.
 */
public final class WorkerArchive {
    private WorkerArchive() {}

    public static void main(String[] args) {
        Path dataset = Path.of(args.length > 0 ? args[0] : "datasets/demo");
        String classPath = WorkerLauncher.classPath();
        String first = classPath.split(java.io.File.pathSeparator, 2)[0];
        if (!first.endsWith(".jar")) {
            System.err.println("worker archive: not made, the class path does not start with the app's jar: " + first);
            return;
        }
        Path archive = WorkerLauncher.archiveNextTo(Path.of(first));
        try {
            make(dataset, archive);
            System.err.printf("worker archive: %s (%d MB)%n", archive, Files.size(archive) >> 20);
        } catch (IOException | SpecException | DatasetException | RuntimeException e) {
            System.err.println("worker archive: not made (" + e + "); workers start without one");
        }
    }

    static void make(Path dataset, Path archive) throws IOException, SpecException, DatasetException {
        Files.deleteIfExists(archive);
        WorkerLauncher launcher = new WorkerLauncher().withJit(WorkerLauncher.Jit.FULL).archivingInto(archive);
        Bench.Report report = Bench.run(dataset, 1, launcher, null, result -> { });
        if (report.failedTrials() > 0) {
            throw new IllegalStateException(report.failedTrials() + " trials failed");
        }
        if (!Files.isRegularFile(archive)) {
            throw new IOException("the worker wrote no archive to " + archive);
        }
    }
}
