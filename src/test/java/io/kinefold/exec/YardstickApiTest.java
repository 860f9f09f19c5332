package io.kinefold.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kinefold.monitor.AppInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PyTorch yardstick ({@code ../shared/bench}) dumps each trial's data with Kinefold's own
 * classes: {@code DumpTrialData.java} runs as a source file on Kinefold's class path. When it no
 * longer compiles, the peer silently falls back to random data; this test says so instead.
 * Skipped where {@code ../shared} is absent.
 */
@Tag("slow")
class YardstickApiTest {
    private static final Path DUMP = Path.of("..", "shared", "bench", "DumpTrialData.java");

    @TempDir
    Path dir;

    @Test
    void theYardsticksDataDumperCompilesAndDumpsEveryTrialsBlocks() throws Exception {
        assumeTrue(Files.isRegularFile(DUMP), "../shared/bench/DumpTrialData.java is not here");
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, """
                {"format":"kinefold-experiment/1","name":"yardstick","folds":3,"seed":7,
                 "models":[{"model":"start:squat","grid":{"units":[8],"epochs":[1]}},
                           {"model":"rep:squat","grid":{"lstmUnits":[8],"epochs":[1]}}]}""");
        Path out = dir.resolve("dump");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DUMP.toString(), spec.toString(),
                Path.of(AppInfo.BUNDLED_DATASET).toString(), out.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(output).isZero();
        String index = Files.readString(out.resolve("index.json"));
        List<String> keys = List.of("start:squat/f0", "start:squat/f2", "rep:squat/f1/T32");
        assertThat(keys).allSatisfy(k -> assertThat(index).contains("\"key\": \"" + k + "\""));
    }
}
