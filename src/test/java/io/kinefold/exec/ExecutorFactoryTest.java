package io.kinefold.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.data.synth.DatasetGenerator;
import io.kinefold.experiment.SpecIo;
import io.kinefold.experiment.Workload;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one way to an executor: the mode and the worker choice decide, and the reason travels with it. No worker starts here. */
class ExecutorFactoryTest {
    @TempDir
    static Path dir;
    static Workload workload;

    @BeforeAll
    static void workload() throws Exception {
        Path dataset = dir.resolve("ds");
        DatasetGenerator.generate(dataset, new DatasetGenerator.Options(4, 5, 3, 30));
        var spec = SpecIo.parse("""
                {"format":"kinefold-experiment/1","name":"factory","folds":2,"seed":3,
                 "models":[{"model":"start:squat","grid":{"units":[8],"epochs":[1],"batchSize":[256]}}]}""", "test");
        workload = RunService.prepare(spec, dataset, Path.of(".")).workload();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            SINGLE, 1, 1, 1 worker: as asked
            SINGLE, 4, 1, 1 worker: single-process run
            POOL,   1, 1, 1 worker: as asked
            POOL,   3, 3, 3 workers: as asked
            """)
    void buildsTheExecutorOfTheModeWithTheChoicesReason(RunMode mode, int asked, int workers, String reason) {
        try (TrialExecutor executor = ExecutorFactory.LOCAL.create(mode, workload, WorkerChoice.fixed(asked))) {
            assertThat(executor.workers()).isEqualTo(workers);
            assertThat(executor.countReason()).isEqualTo(reason);
            assertThat(executor.workerPids()).as("no worker before the first trial").isEmpty();
        }
    }

    @Test
    void aSingleProcessChoiceReadsAsSuch() {
        try (TrialExecutor executor = ExecutorFactory.LOCAL.of(RunMode.SINGLE, WorkerChoice.single()).apply(workload)) {
            assertThat(executor.countReason()).isEqualTo(WorkerChoice.SINGLE_REASON);
        }
    }

    @Test
    void aChoiceOfOneWorkerIsASingleRunAndMoreAPool() {
        assertThat(WorkerChoice.fixed(1).mode()).isEqualTo(RunMode.SINGLE);
        assertThat(WorkerChoice.fixed(2).mode()).isEqualTo(RunMode.POOL);
        assertThat(WorkerChoice.parse("auto").auto()).isTrue();
        assertThat(RunMode.POOL.storeName()).isEqualTo("pool");
    }

    @Test
    void theInProcessExecutorWatchesThisProcess() {
        try (TrialExecutor executor = new SingleProcessExecutor(workload)) {
            assertThat(executor.workerPids()).containsEntry(SingleProcessExecutor.WORKER, ProcessHandle.current().pid());
            assertThat(executor.countReason()).isEqualTo("1 worker: this process");
        }
    }

    @Test
    void aCancelReachesAnExecutorMadeAfterIt() {
        RunCancel cancel = new RunCancel();
        cancel.cancel();

        try (TrialExecutor executor = cancel.watching(SingleProcessExecutor::new).apply(workload)) {
            assertThat(executor.cancelled()).isTrue();
        }
    }
}
