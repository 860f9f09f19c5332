package io.kinefold.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinefold.experiment.Status;
import io.kinefold.experiment.Trial;
import io.kinefold.store.Store;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a run's status follows from its trials, and that every way out of a run leaves a terminal one. */
class RunStatusTest {
    @TempDir
    static Path dir;
    static RunService.Prepared prepared;

    @BeforeAll
    static void tinySpec() throws Exception {
        prepared = PoolFixture.prepare(PoolFixture.dataset(dir), """
                [{"model":"start:squat","grid":{"units":[8,16],"epochs":[1],"batchSize":[256]}}]""");
    }

    @ParameterizedTest(name = "all recorded {0}, failed {1}, cancelled {2} → {3}")
    @CsvSource(textBlock = """
            true,  0, false, SUCCEEDED
            true,  1, false, FAILED
            true,  1, true,  FAILED
            true,  0, true,  SUCCEEDED
            false, 0, true,  CANCELLED
            false, 0, false, FAILED
            """)
    void statusFollowsFromTheTrials(boolean allRecorded, int failed, boolean cancelled, Status expected) {
        assertThat(RunService.status(allRecorded, failed, cancelled)).isEqualTo(expected);
    }

    @Test
    void aRunWithATrialThatFailedEndsFailedAndCountsIt() throws Exception {
        try (Store store = Store.open(dir.resolve("failed.db"))) {
            RunService service = new RunService(store);
            long run = service.createRun(prepared, "single", 1);

            RunOutcome outcome = service.execute(run, prepared, w -> new InstantExecutor(true, null), RunListener.NONE);

            assertThat(outcome.status()).isEqualTo(Status.FAILED);
            assertThat(outcome.failed()).isEqualTo(prepared.plan().networkTrialCount() / 2);
            assertThat(store.run(run).orElseThrow().status()).isEqualTo(Status.FAILED);

            RunOutcome again = service.execute(run, service.prepareResume(run), w -> new InstantExecutor(false, null), RunListener.NONE);
            assertThat(again.ranNow()).as("the resume reruns the failed trials only").isEqualTo(outcome.failed());
            assertThat(again.status()).isEqualTo(Status.SUCCEEDED);
        }
    }

    @Test
    void aPoolThatCannotStartLeavesTheRunFailedAndItsSessionEnded() throws Exception {
        try (Store store = Store.open(dir.resolve("pool.db"))) {
            RunService service = new RunService(store);
            long run = service.createRun(prepared, "pool", 2);

            assertThatThrownBy(() -> service.execute(run, prepared,
                    w -> new InstantExecutor(false, new PoolExecutor.PoolFailure("every worker died before it was ready")),
                    RunListener.NONE)).isInstanceOf(PoolExecutor.PoolFailure.class);

            assertThat(store.run(run).orElseThrow().status()).isEqualTo(Status.FAILED);
            assertThat(store.run(run).orElseThrow().status().isTerminal()).isTrue();
            assertThat(store.liveHolder(run)).isEmpty();
        }
    }

    @Test
    void anExecutorThatCannotBeMadeLeavesTheRunFailed() throws Exception {
        try (Store store = Store.open(dir.resolve("factory.db"))) {
            RunService service = new RunService(store);
            long run = service.createRun(prepared, "pool", 2);

            assertThatThrownBy(() -> service.execute(run, prepared, w -> {
                throw new IllegalStateException("no java here");
            }, RunListener.NONE)).hasMessage("no java here");

            assertThat(store.run(run).orElseThrow().status()).isEqualTo(Status.FAILED);
        }
    }

    @Test
    void aCancelledRunEndsCancelled() throws Exception {
        try (Store store = Store.open(dir.resolve("cancel.db"))) {
            RunService service = new RunService(store);
            long run = service.createRun(prepared, "single", 1);
            RunCancel cancel = new RunCancel();
            cancel.cancel();

            RunOutcome outcome = service.execute(run, prepared, cancel.watching(w -> new InstantExecutor(false, null) {
                @Override
                public void execute(List<Trial> trials, ExecutionListener listener) {
                    // cancelled before any trial ran
                }

                @Override
                public boolean cancelled() {
                    return true;
                }
            }), RunListener.NONE);

            assertThat(outcome.status()).isEqualTo(Status.CANCELLED);
            assertThat(store.run(run).orElseThrow().status()).isEqualTo(Status.CANCELLED);
        }
    }
}
