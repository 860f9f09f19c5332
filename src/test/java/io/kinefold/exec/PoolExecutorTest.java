package io.kinefold.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinefold.experiment.Status;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import io.kinefold.kind.StartKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool against real worker JVMs: same results as one process, and no trial lost and no
 * process left behind whatever happens to a worker or to the app.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
@Tag("slow")
class PoolExecutorTest {
    @TempDir
    static Path dir;
    static Path dataset;
    static RunService.Prepared prepared;
    static List<Trial> trials;
    /** Every trial run in this JVM, one after another: what every pool must reproduce. */
    static Map<String, TrialResult> reference;

    @BeforeAll
    static void referenceRunInThisProcess() throws Exception {
        dataset = PoolFixture.dataset(dir);
        prepared = PoolFixture.prepare(dataset, PoolFixture.MODELS);
        trials = prepared.plan().trials();
        PoolFixture.Recorder single = new PoolFixture.Recorder();
        new SingleProcessExecutor(prepared.workload()).execute(trials, single);
        reference = PoolFixture.byKey(single.finished);
        assertThat(reference).hasSize(9 + 12).allSatisfy((key, r) -> assertThat(r.status()).as(key).isEqualTo(Status.SUCCEEDED));
    }

    private static List<Trial> trials(Predicate<String> key) {
        return trials.stream().filter(t -> key.test(t.key())).toList();
    }

    private static PoolFixture.Recorder run(PoolExecutor pool, List<Trial> work) {
        PoolFixture.Recorder recorder = new PoolFixture.Recorder();
        try (pool) {
            pool.execute(work, recorder);
        }
        return recorder;
    }

    /** Each trial reported once, succeeded, with exactly the metrics of the single-process run. */
    private static void assertSameAsReference(List<TrialResult> results, Collection<Trial> expected) {
        assertThat(results).extracting(r -> r.trial().key()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(Trial::key).toList());
        for (TrialResult r : results) {
            String key = r.trial().key();
            TrialResult ref = reference.get(key);
            assertThat(r.status()).as(key + ": " + r.error()).isEqualTo(Status.SUCCEEDED);
            assertThat(r.metrics().accuracy()).as(key).isEqualTo(ref.metrics().accuracy());
            assertThat(r.metrics().macroF1()).as(key).isEqualTo(ref.metrics().macroF1());
            assertThat(r.metrics().confusion()).as(key).isDeepEqualTo(ref.metrics().confusion());
        }
    }

    private static boolean allGoneWithin(Collection<Long> pids, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (pids.stream().anyMatch(PoolFixture::alive)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    @Test
    void keepsToOneWorkerWhenTheTrialsAreTooFewAndSmallToShare() {
        PoolFixture.Recorder recorder = new PoolFixture.Recorder();
        List<Trial> few = trials.stream().filter(t -> t.model().kind().equals(StartKind.KIND)).limit(4).toList();
        try (PoolExecutor pool = new PoolExecutor(prepared.workload(), PoolExecutor.Options.of(2, false))) {
            pool.execute(few, recorder);
        }
        assertSameAsReference(recorder.finished, few);
        assertThat(recorder.finished.stream().map(TrialResult::worker).distinct()).as("a second worker would cost more than it saves")
                .containsExactly("w1");
        assertThat(recorder.messages).noneMatch(m -> m.contains("more worker"));
    }

    @Test
    void startsTheOtherWorkersOnceTheFirstTrialsShowThereIsWorkEnough() throws Exception {
        RunService.Prepared heavy = PoolFixture.prepare(dataset,
                "[{\"model\":\"rep:squat\",\"grid\":{\"lstmUnits\":[32,48,64],\"sequenceLength\":[32],\"epochs\":[200],\"batchSize\":[8]}}]");
        List<Trial> work = heavy.plan().trials(); // 9 trials: fewer than every worker at once asks for
        assertThat(work.size()).isLessThan(PoolExecutor.EAGER_TRIALS_PER_WORKER * 2);
        PoolFixture.Recorder recorder = new PoolFixture.Recorder();
        try (PoolExecutor pool = new PoolExecutor(heavy.workload(), PoolExecutor.Options.of(2, false))) {
            pool.execute(work, recorder);
        }
        assertThat(recorder.finished).hasSize(work.size()).allMatch(r -> r.status() == Status.SUCCEEDED);
        assertThat(recorder.messages).anyMatch(m -> m.startsWith("1 more worker: about "));
        assertThat(recorder.finished.stream().map(TrialResult::worker).distinct()).containsExactlyInAnyOrder("w1", "w2");
    }

    @Test
    void givesIdenticalResultsWhateverTheWorkerCount() {
        for (int workers = 1; workers <= 2; workers++) {
            PoolFixture.Recorder pool = run(new PoolExecutor(prepared.workload(), PoolExecutor.Options.of(workers, false)).startingEveryWorkerAtOnce(),
                    trials);
            assertSameAsReference(pool.finished, trials);
            assertThat(pool.workers.stream().map(WorkerInfo::name).distinct()).as("workers started").hasSize(workers);
            // On a loaded machine one worker may run every trial before the other is ready.
            assertThat(pool.finished.stream().map(TrialResult::worker).distinct()).as("workers that ran trials")
                    .hasSizeBetween(1, workers).allMatch(w -> w.matches("w\\d+"));
        }
    }

    @Test
    void runsTheTrialOfAWorkerKilledMidTrialAgainOnAFreshWorker() {
        PoolExecutor pool = new PoolExecutor(prepared.workload(), PoolExecutor.Options.of(2, false)).startingEveryWorkerAtOnce();
        AtomicReference<String> killed = new AtomicReference<>();
        PoolFixture.Recorder recorder = new PoolFixture.Recorder() {
            @Override
            public void trialStarted(Trial trial, String worker) {
                super.trialStarted(trial, worker);
                if (killed.compareAndSet(null, worker + " " + trial.key())) {
                    long pid = pool.workerPids().get(worker);
                    ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // SIGKILL
                }
            }
        };
        try (pool) {
            pool.execute(trials, recorder);
        }

        String worker = killed.get().split(" ")[0];
        String trial = killed.get().split(" ")[1];
        assertSameAsReference(recorder.finished, trials);
        assertThat(recorder.messages).anyMatch(m -> m.startsWith("worker " + worker + " ") && m.contains("died"));
        assertThat(recorder.messages).contains(trial + " goes to a fresh worker (attempt 2 of 3)");
        assertThat(recorder.started).as("the killed trial started twice").filteredOn(s -> s.startsWith(trial + "@")).hasSize(2);
        assertThat(recorder.finished).filteredOn(r -> r.trial().key().equals(trial))
                .extracting(TrialResult::worker).doesNotContain(worker);
    }

    @Test
    void cancelReturnsWithinSecondsAndEndsEveryWorker() throws Exception {
        PoolExecutor pool = new PoolExecutor(prepared.workload(), PoolExecutor.Options.of(2, false)).startingEveryWorkerAtOnce();
        CountDownLatch firstFinished = new CountDownLatch(1);
        PoolFixture.Recorder recorder = new PoolFixture.Recorder() {
            @Override
            public void trialFinished(TrialResult result) {
                super.trialFinished(result);
                firstFinished.countDown();
            }
        };
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                pool.execute(trials, recorder);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "pool-under-test");
        runner.start();
        try {
            assertThat(firstFinished.await(60, TimeUnit.SECONDS)).as("a first trial finished").isTrue();
            Set<Long> pids = new HashSet<>(pool.workerPids().values());
            pids.addAll(recorder.pids);
            long cancelled = System.nanoTime();
            pool.cancel();
            runner.join(5000);
            assertThat(runner.isAlive()).as("execute still running 5 s after cancel").isFalse();
            assertThat(failure.get()).isNull();
            assertThat(recorder.finished.size()).as("trials reported").isLessThan(trials.size());
            assertThat(pids).hasSizeGreaterThanOrEqualTo(2);
            allGoneWithin(pids, TimeUnit.NANOSECONDS.toMillis(cancelled + TimeUnit.SECONDS.toNanos(2) - System.nanoTime()));
            assertThat(pids).as("workers alive 2 s after cancel").noneMatch(PoolFixture::alive);
        } finally {
            pool.cancel();
            runner.join(10_000);
            pool.close();
        }
    }

    @Test
    void workersEndByThemselvesWhenTheAppIsKilled() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PoolHostMain.class.getName(), dataset.toString());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Path hostErr = dir.resolve("host-stderr.txt");
        pb.redirectError(hostErr.toFile());
        Process host = pb.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the host is gone
            }
        }, "host-stdout");
        reader.setDaemon(true);
        reader.start();
        List<Long> pids = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (String line = ""; !PoolHostMain.RUNNING.equals(line); ) {
                line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line == null) {
                    assertThat(host.isAlive() && System.nanoTime() < deadline)
                            .as("the host runs its workers within 60 s; its stderr:%n%s", Files.readString(hostErr)).isTrue();
                } else if (line.startsWith("PID ")) {
                    pids.add(Long.parseLong(line.substring(4)));
                }
            }
            assertThat(pids).hasSize(2).allMatch(PoolFixture::alive);

            host.destroyForcibly(); // SIGKILL: the pool gets no chance to end its workers
            assertThat(host.waitFor(10, TimeUnit.SECONDS)).isTrue();

            assertThat(allGoneWithin(pids, 5000)).as("every worker gone 5 s after the app was killed: " + pids).isTrue();
        } finally {
            host.destroyForcibly();
            pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    @Test
    void logsAndSurvivesLinesThatAreNotMessages() {
        List<Trial> work = trials(k -> k.equals("rep:squat/g0/f0") || k.startsWith("start:squat/g1/"));
        PoolFixture.Recorder recorder = run(new PoolExecutor(prepared.workload(), PoolExecutor.Options.of(1, false),
                PoolFixture.launcherOf(GarbageWorkerMain.class)), work);

        assertSameAsReference(recorder.finished, work);
        for (String garbage : GarbageWorkerMain.GARBAGE) {
            assertThat(recorder.messages).contains("w1 wrote something that is not a message, ignored: " + garbage);
        }
        assertThat(recorder.messages).as("garbage between messages too").hasSizeGreaterThan(2 * GarbageWorkerMain.GARBAGE.size());
    }

    @Test
    void failsNamingTheExitCodeWhenEveryWorkerDiesAtOnce() throws Exception {
        PoolExecutor.Options options = PoolExecutor.Options.of(2, false);
        PoolExecutor pool = new PoolExecutor(prepared.workload(), options, PoolFixture.launcherOf(DyingWorkerMain.class));
        PoolFixture.Recorder recorder = new PoolFixture.Recorder();
        try (pool) {
            assertThatThrownBy(() -> pool.execute(trials, recorder))
                    .isInstanceOf(PoolExecutor.PoolFailure.class)
                    .hasMessageContaining("exit code " + DyingWorkerMain.EXIT_CODE)
                    .hasMessageContaining(options.maxAttempts() + " in a row");
        }
        assertThat(recorder.workerNames()).as("workers started").hasSizeBetween(options.maxAttempts(), options.maxAttempts() + options.workers());
        assertThat(recorder.finished).isEmpty();
        assertThat(recorder.pids).isNotEmpty().noneMatch(PoolFixture::alive);
    }

    @Test
    void marksFailedATrialWhoseWorkerDiesEveryTimeAndRunsTheOthers() throws Exception {
        List<Trial> work = trials(k -> k.startsWith("start:squat/g0/") || k.equals("start:squat/g1/f0"));
        PoolExecutor.Options options = PoolExecutor.Options.of(2, false);
        PoolFixture.Recorder recorder = run(new PoolExecutor(prepared.workload(), options,
                PoolFixture.launcherOf(HaltingWorkerMain.class)), work);

        Map<String, TrialResult> results = PoolFixture.byKey(recorder.finished);
        assertThat(recorder.finished).hasSize(work.size());
        TrialResult doomed = results.get("start:squat/g1/f0");
        assertThat(doomed.status()).isEqualTo(Status.FAILED);
        assertThat(doomed.metrics()).isNull();
        assertThat(doomed.error()).contains("died " + options.maxAttempts() + " times", "exit code " + HaltingWorkerMain.EXIT_CODE);
        assertThat(recorder.messages).contains("start:squat/g1/f0 goes to a fresh worker (attempt " + options.maxAttempts()
                + " of " + options.maxAttempts() + ")");
        Set<String> workersLost = recorder.workers.stream().filter(w -> w.status() == Status.FAILED)
                .map(WorkerInfo::name).collect(Collectors.toSet());
        assertThat(workersLost).hasSize(options.maxAttempts());
        assertSameAsReference(recorder.finished.stream().filter(r -> r != doomed).toList(),
                work.stream().filter(t -> !HaltingWorkerMain.doomed(t)).toList());
        assertThat(allGoneWithin(recorder.pids, 2000)).isTrue();
    }

    @Test
    void replacesAWorkerWithAFreshOneAfterItsTrialLimit() {
        List<Trial> work = trials(k -> k.startsWith("start:squat/")).subList(0, 5);
        PoolFixture.Recorder recorder = run(new PoolExecutor(prepared.workload(),
                new PoolExecutor.Options(1, false, 2, 900L << 20, 3)), work);

        assertSameAsReference(recorder.finished, work);
        assertThat(recorder.workerNames()).hasSizeGreaterThanOrEqualTo(3);
        Map<String, Long> trialsPerWorker = recorder.finished.stream()
                .collect(Collectors.groupingBy(TrialResult::worker, ConcurrentHashMap::new, Collectors.counting()));
        assertThat(trialsPerWorker).hasSizeGreaterThanOrEqualTo(3).allSatisfy((w, n) -> assertThat(n).as(w).isLessThanOrEqualTo(2));
        assertThat(recorder.messages).anyMatch(m -> m.startsWith("recycled w1 after 2 trials"));
    }
}
