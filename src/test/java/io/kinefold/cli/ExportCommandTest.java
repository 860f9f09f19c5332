package io.kinefold.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kinefold.Fifos;
import io.kinefold.experiment.EarlyStopping;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.ModelGrid;
import io.kinefold.data.ModelId;
import io.kinefold.experiment.Provenance;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import io.kinefold.model.LearningCurve;
import io.kinefold.model.Metrics;
import io.kinefold.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export --out} writes a new path or replaces a regular file; anything else is refused with exit 2, untouched. */
class ExportCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path db;
    private long runId;

    @BeforeEach
    void storeWithARun() throws Exception {
        db = dir.resolve("k.db");
        ExperimentSpec spec = new ExperimentSpec(ExperimentSpec.FORMAT, "quick", "datasets/demo", 3, 7L,
                new EarlyStopping(3, 0.2), List.of(new ModelGrid("pose", Map.of("units", List.of(32.0)))));
        Provenance provenance = new Provenance("0.1.0", "17", "1.0.0-M2.1", "Linux", "cpu", 2, 1L << 30, "sha256:00");
        try (Store store = Store.open(db)) {
            runId = store.createRun(store.createExperiment(spec), "pool", 2, "datasets/demo", provenance, 3);
        }
    }

    private int export(Path target) {
        return KinefoldCommand.commandLine(new PrintWriter(out), new PrintWriter(err))
                .execute("export", Long.toString(runId), "--format", "samples-csv", "--out", target.toString(), "--db", db.toString());
    }

    @Test
    void writesANewFileAndReplacesARegularOne() throws IOException {
        Path target = dir.resolve("samples.csv");
        assertThat(export(target)).isZero();
        Files.writeString(target, "old");
        assertThat(export(target)).isZero();
        assertThat(Files.readString(target)).startsWith("epoch_millis,seconds");
    }

    @Test
    void csvWritesTheLearningCurvesBesideTheTable() throws Exception {
        try (Store store = Store.open(db)) {
            long session = store.startSession(runId);
            store.recordTrial(runId, session, TrialResult.succeeded(new Trial(ModelId.parse("pose"), 0, Map.of("units", 32.0), 1),
                    new Metrics(0.5, 0.5, new int[][] {{1, 1}, {1, 1}}, 0.1, 3, 10, 4,
                            new LearningCurve(new double[] {0.9, 0.6, 0.5}, new double[] {0.8, 0.7, 0.75}, 2)), "w1", 0.2));
            store.endSession(session, 1.0);
        }
        Path table = dir.resolve("run-1.csv");

        int code = KinefoldCommand.commandLine(new PrintWriter(out), new PrintWriter(err))
                .execute("export", Long.toString(runId), "--format", "csv", "--out", table.toString(), "--db", db.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(table).isRegularFile();
        assertThat(Files.readAllLines(dir.resolve("run-1-curves.csv"))).containsExactly(
                "run,model,grid_point,fold,epoch,train_loss,validation_loss,chosen",
                runId + ",pose,0,1,1,0.9,0.8,no",
                runId + ",pose,0,1,2,0.6,0.7,yes",
                runId + ",pose,0,1,3,0.5,0.75,no");
        assertThat(err.toString()).contains("Wrote " + dir.resolve("run-1-curves.csv").toAbsolutePath());
    }

    @Test
    void refusesASymbolicLinkWithExitTwoAndLeavesIt() throws IOException {
        Path precious = Files.writeString(dir.resolve("precious.txt"), "keep me");
        Path link = Files.createSymbolicLink(dir.resolve("samples.csv"), precious);
        assertThat(export(link)).isEqualTo(KinefoldCommand.BAD_INPUT);
        assertThat(err.toString()).contains("symbolic link").contains("refused");
        assertThat(Files.readSymbolicLink(link)).isEqualTo(precious);
        assertThat(precious).hasContent("keep me");
    }

    @Test
    void refusesAFolderWithExitTwo() {
        assertThat(export(dir)).isEqualTo(KinefoldCommand.BAD_INPUT);
        assertThat(err.toString()).contains("is a folder");
    }

    @Test
    void refusesAFifoWithExitTwoAndLeavesIt() throws Exception {
        Path fifo = dir.resolve("samples.csv");
        assumeTrue(Fifos.make(fifo), "mkfifo is not available");
        int exit = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> export(fifo));
        assertThat(exit).isEqualTo(KinefoldCommand.BAD_INPUT);
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }
}
