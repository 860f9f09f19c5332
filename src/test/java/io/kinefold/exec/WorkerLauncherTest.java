package io.kinefold.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a worker JVM is started: memory checks, compilers, class-data archive, profile. */
class WorkerLauncherTest {
    @TempDir
    Path dir;

    @Test
    void startsWorkersWithoutThePerAllocationMemoryCheckAndWithTheLogOnStderr() {
        List<String> c = new WorkerLauncher().command("w1");
        assertThat(c).contains("-Dorg.bytedeco.javacpp.maxPhysicalBytes=0", "-XX:+UseSerialGC", "-Xlog:all=warning,jfr+startup=off:stderr", "-Xlog:all=off",
                "-Dkinefold.worker.name=w1");
        assertThat(c.get(c.size() - 1)).isEqualTo(WorkerMain.class.getName());
    }

    @ParameterizedTest(name = "{0} trials on {1} workers: {2}")
    @CsvSource(textBlock = """
            54,   1, QUICK
            54,   2, QUICK
            150,  1, QUICK
            151,  1, FULL
            2640, 2, FULL
            300,  2, QUICK
            """)
    void usesC1OnlyForShortRuns(int trials, int workers, WorkerLauncher.Jit expected) {
        assertThat(WorkerLauncher.Jit.AUTO.resolve(trials, workers)).isEqualTo(expected);
        assertThat(WorkerLauncher.Jit.FULL.resolve(trials, workers)).isEqualTo(WorkerLauncher.Jit.FULL);
        WorkerLauncher launcher = new WorkerLauncher();
        launcher.prepareFor(trials, workers);
        assertThat(launcher.command("w1").contains("-XX:TieredStopAtLevel=1")).isEqualTo(expected == WorkerLauncher.Jit.QUICK);
    }

    @Test
    void startsFromTheArchiveBesideTheJarWhenThereIsOne() throws Exception {
        Path jar = Files.createFile(dir.resolve("kinefold.jar"));
        String classPath = jar + File.pathSeparator + dir.resolve("lib/x.jar");
        assertThat(WorkerLauncher.archiveBeside(classPath)).isNull();
        Path archive = Files.createFile(dir.resolve("kinefold-worker.jsa"));
        assertThat(WorkerLauncher.archiveBeside(classPath)).isEqualTo(archive.toAbsolutePath());
        assertThat(WorkerLauncher.archiveBeside(dir.resolve("classes") + File.pathSeparator + jar)).isNull();

        WorkerLauncher launcher = new WorkerLauncher("java", classPath, WorkerMain.class.getName());
        assertThat(launcher.command("w1")).contains("-XX:SharedArchiveFile=" + archive.toAbsolutePath());
        launcher.archivingInto(dir.resolve("new.jsa"));
        assertThat(launcher.command("w1")).contains("-XX:ArchiveClassesAtExit=" + dir.resolve("new.jsa").toAbsolutePath())
                .noneMatch(o -> o.startsWith("-XX:SharedArchiveFile"));
    }

    @Test
    void recordsAFlightRecordingPerWorkerWhenProfiling() {
        WorkerLauncher launcher = new WorkerLauncher().profilingInto(dir);
        assertThat(launcher.command("w3")).anyMatch(o -> o.startsWith("-XX:StartFlightRecording=")
                && o.endsWith("filename=" + dir.toAbsolutePath().resolve("w3.jfr")));
        assertThat(launcher.exitGraceMillis()).isGreaterThan(new WorkerLauncher().exitGraceMillis());
    }
}
