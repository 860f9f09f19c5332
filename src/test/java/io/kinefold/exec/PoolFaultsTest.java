package io.kinefold.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinefold.experiment.Status;
import io.kinefold.experiment.Trial;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real workers that stop answering, run out of memory or receive a dataset that changed on the way. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("slow")
class PoolFaultsTest {
    @TempDir
    static Path dir;
    static RunService.Prepared prepared;
    static List<Trial> trials;

    @BeforeAll
    static void plan() throws Exception {
        prepared = PoolFixture.prepare(PoolFixture.dataset(dir), PoolFixture.MODELS);
        trials = prepared.plan().trials();
    }

    @Test
    void killsAWorkerStoppedMidRunAndRunsEveryTrial() throws Exception {
        AtomicLong stopped = new AtomicLong();
        PoolFixture.Recorder recorder = new PoolFixture.Recorder() {
            @Override
            public void trialStarted(Trial trial, String worker) {
                super.trialStarted(trial, worker);
                if (worker.equals("w1") && stopped.get() == 0) {
                    long pid = workers.stream().filter(w -> w.name().equals("w1")).findFirst().orElseThrow().pid();
                    stopped.set(pid);
                    signal("-STOP", pid);
                }
            }
        };
        PoolExecutor.Options options = PoolExecutor.Options.of(2, false).withTrialTimeout(60).withSilence(3);
        try (PoolExecutor pool = new PoolExecutor(prepared.workload(), options).startingEveryWorkerAtOnce()) {
            pool.execute(trials, recorder);
        } finally {
            if (stopped.get() != 0) {
                signal("-KILL", stopped.get());
            }
        }

        assertThat(stopped.get()).as("a worker was stopped").isPositive();
        assertThat(recorder.finished).hasSize(trials.size()).allMatch(r -> r.status() == Status.SUCCEEDED);
        assertThat(recorder.messages).anyMatch(m -> m.startsWith("w1 silent for 3 s"));
        assertThat(PoolFixture.alive(stopped.get())).as("the stopped worker was killed").isFalse();
    }

    @Test
    void aWorkerOutOfMemoryExitsAtOnceAndItsDeathSaysSo() {
        PoolExecutor pool = new PoolExecutor(prepared.workload(), PoolExecutor.Options.of(1, false),
                PoolFixture.launcherOf(OomWorkerMain.class));
        try (pool) {
            assertThatThrownBy(() -> pool.execute(trials, new PoolFixture.Recorder()))
                    .isInstanceOf(PoolExecutor.PoolFailure.class)
                    .hasMessageContaining("exit code 3")
                    .hasMessageContaining("ran out of memory")
                    .hasMessageContaining("OutOfMemoryError");
        }
    }

    @Test
    void aWorkerRefusesADatasetWhoseFingerprintDiffersNamingBoth() {
        PoolExecutor pool = new PoolExecutor(prepared.workload(), PoolExecutor.Options.of(1, false),
                PoolFixture.launcherOf(TamperingWorkerMain.class));
        try (pool) {
            assertThatThrownBy(() -> pool.execute(trials, new PoolFixture.Recorder()))
                    .isInstanceOf(PoolExecutor.PoolFailure.class)
                    .hasMessageContaining("the dataset arrived changed")
                    .hasMessageContaining(prepared.workload().fingerprint())
                    .hasMessageContaining(TamperingWorkerMain.FINGERPRINT);
        }
    }

    private static void signal(String signal, long pid) {
        try {
            new ProcessBuilder("kill", signal, Long.toString(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot send " + signal + " to " + pid, e);
        }
    }
}
