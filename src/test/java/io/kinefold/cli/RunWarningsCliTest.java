package io.kinefold.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kinefold.data.synth.DatasetGenerator;
import io.kinefold.exec.InstantExecutor;
import io.kinefold.exec.WorkerCount;
import io.kinefold.monitor.MachineInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warnings before the work, on the command line: printed on stderr before the run. */
class RunWarningsCliTest {
    @TempDir
    Path dir;

    @Test
    void runWarnsOnStderrWhenWorkersExceedCores() throws Exception {
        int cores = MachineInfo.logicalCores();
        int asked = cores + 1;
        // the count must fit in memory, or it is clamped before the warning could apply
        assumeTrue(MachineInfo.availableMemoryBytes() - WorkerCount.HEADROOM > asked * WorkerCount.INITIAL_FOOTPRINT);
        Path dataset = dir.resolve("ds");
        DatasetGenerator.generate(dataset, new DatasetGenerator.Options(4, 3, 3, 15));
        Path spec = Files.writeString(dir.resolve("spec.json"), """
                {"format":"kinefold-experiment/1","name":"warned","folds":3,"seed":5,
                 "models":[{"model":"start:squat","grid":{"units":[8],"epochs":[1],"batchSize":[256]}}]}""");
        StringWriter err = new StringWriter();

        int code = KinefoldCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err),
                InstantExecutor.factory(false, null)).execute("run", spec.toString(), "--dataset", dataset.toString(),
                "--db", dir.resolve("t.db").toString(), "--workers", Integer.toString(asked));

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("kinefold: warning: " + asked + " workers on " + cores + " core")
                .contains("slower");
    }
}
