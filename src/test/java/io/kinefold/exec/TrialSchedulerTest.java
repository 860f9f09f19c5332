package io.kinefold.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinefold.kind.RepKind;
import io.kinefold.kind.StartKind;
import io.kinefold.experiment.Status;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The scheduler on its own, against workers in memory: order, retries, giving up and cancel, without a JVM started. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class TrialSchedulerTest {
    private static final Trial LONG_REP = rep(0, 40);
    private static final Trial SHORT_REP = rep(1, 10);
    private static final Trial LONG_START = start(0, 50);
    private static final Trial SHORT_START = start(1, 5);
    private static final List<Trial> FOUR = List.of(SHORT_START, SHORT_REP, LONG_START, LONG_REP);

    private static Trial rep(int fold, double epochs) {
        return new Trial(RepKind.id("squat"), 0, Map.of("epochs", epochs), fold);
    }

    private static Trial start(int fold, double epochs) {
        return new Trial(StartKind.id("squat"), 0, Map.of("epochs", epochs), fold);
    }

    private static PoolExecutor.Options options(int workers) {
        return PoolExecutor.Options.of(workers, false);
    }

    private static TrialScheduler scheduler(FakePool pool, int workers) {
        return scheduler(pool, options(workers));
    }

    private static TrialScheduler scheduler(FakePool pool, PoolExecutor.Options options) {
        TrialScheduler scheduler = new TrialScheduler(pool, options, t -> 1000);
        scheduler.startEveryWorkerAtOnce();
        return scheduler;
    }

    @Test
    void givesTheLongestExpectedTrialsFirst() {
        FakePool pool = new FakePool();
        PoolFixture.Recorder recorder = new PoolFixture.Recorder();
        scheduler(pool, 1).execute(FOUR, recorder);

        assertThat(pool.given).containsExactly(LONG_REP.key() + "@w1", SHORT_REP.key() + "@w1", LONG_START.key() + "@w1",
                SHORT_START.key() + "@w1");
        assertThat(recorder.finished).extracting(r -> r.trial().key())
                .containsExactly(LONG_REP.key(), SHORT_REP.key(), LONG_START.key(), SHORT_START.key());
        assertThat(recorder.started).hasSize(4);
    }

    @Test
    void runsTheTrialOfADeadWorkerAgainOnAFreshWorker() {
        FakePool pool = new FakePool();
        pool.dies = given -> given.equals(LONG_START.key() + "@w1");
        PoolFixture.Recorder recorder = new PoolFixture.Recorder();
        scheduler(pool, 1).execute(FOUR, recorder);

        assertThat(recorder.finished).hasSize(4).allMatch(r -> r.status() == Status.SUCCEEDED);
        assertThat(recorder.messages).anyMatch(m -> m.startsWith("worker w1 (pid 1) died, exit code 137"))
                .contains(LONG_START.key() + " goes to a fresh worker (attempt 2 of 3)");
        assertThat(PoolFixture.byKey(recorder.finished).get(LONG_START.key()).worker()).isEqualTo("w2");
        assertThat(pool.given).containsSubsequence(LONG_START.key() + "@w1", LONG_START.key() + "@w2");
        assertThat(recorder.workers).filteredOn(w -> w.name().equals("w1")).last()
                .extracting(WorkerInfo::status).isEqualTo(Status.FAILED);
    }

    @Test
    void marksATrialFailedOnceItsWorkerDiedAsOftenAsItMayBeTried() {
        FakePool pool = new FakePool();
        pool.dies = given -> given.startsWith(LONG_START.key() + "@");
        PoolFixture.Recorder recorder = new PoolFixture.Recorder();
        scheduler(pool, 2).execute(FOUR, recorder);

        int attempts = options(2).maxAttempts();
        assertThat(recorder.finished).hasSize(4);
        TrialResult doomed = PoolFixture.byKey(recorder.finished).get(LONG_START.key());
        assertThat(doomed.status()).isEqualTo(Status.FAILED);
        assertThat(doomed.error()).contains("died " + attempts + " times", "exit code 137");
        assertThat(recorder.finished).filteredOn(r -> r != doomed).allMatch(r -> r.status() == Status.SUCCEEDED);
        assertThat(pool.given).filteredOn(g -> g.startsWith(LONG_START.key() + "@")).hasSize(attempts)
                .extracting(g -> g.substring(g.indexOf('@'))).doesNotHaveDuplicates();
        assertThat(recorder.messages).doesNotContain(LONG_START.key() + " goes to a fresh worker (attempt " + (attempts + 1)
                + " of " + attempts + ")");
        assertThat(pool.endedCancelled).isFalse();
    }

    @Test
    void failsWhenWorkersDieBeforeTheyAreReady() {
        FakePool pool = new FakePool();
        pool.ready = false;
        PoolFixture.Recorder recorder = new PoolFixture.Recorder();
        assertThatThrownBy(() -> scheduler(pool, 1).execute(FOUR, recorder))
                .isInstanceOf(PoolExecutor.PoolFailure.class)
                .hasMessage("workers die before they are ready (3 in a row), last exit code 1: no dataset");
        assertThat(recorder.finished).isEmpty();
        assertThat(pool.infos).as("every worker ended").isEmpty();
    }

    @Test
    void cancelReturnsAtOnceAndKillsEveryWorker() throws Exception {
        FakePool pool = new FakePool();
        pool.hangs = given -> given.startsWith(SHORT_REP.key() + "@");
        TrialScheduler scheduler = scheduler(pool, 2);
        PoolFixture.Recorder recorder = new PoolFixture.Recorder();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                scheduler.execute(FOUR, recorder);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "scheduler-under-test");
        runner.start();

        assertThat(pool.hanging.await(5, TimeUnit.SECONDS)).as("the trial that never ends was given").isTrue();
        scheduler.cancel();
        runner.join(500);

        assertThat(runner.isAlive()).as("execute still running half a second after cancel").isFalse();
        assertThat(failure.get()).isNull();
        assertThat(scheduler.cancelled()).isTrue();
        assertThat(pool.killed).isTrue();
        assertThat(pool.endedCancelled).isTrue();
        assertThat(recorder.finished).extracting(r -> r.trial().key()).doesNotContain(SHORT_REP.key());
        String stuck = pool.given.stream().filter(g -> g.startsWith(SHORT_REP.key() + "@")).findFirst().orElseThrow();
        assertThat(recorder.workers).filteredOn(w -> w.status() == Status.CANCELLED).extracting(WorkerInfo::name)
                .contains(stuck.substring(stuck.indexOf('@') + 1));
        assertThat(pool.infos).as("every worker ended").isEmpty();

        int given = pool.given.size();
        scheduler.execute(FOUR, recorder);
        assertThat(pool.given).as("nothing runs after cancel").hasSize(given);
        assertThat(pool.infos).as("no worker started after cancel").isEmpty();
    }

    @Test
    void killsAWorkerWhoseTrialRunsPastTheTimeoutAndRunsTheTrialAgainOnAFreshWorker() {
        FakePool pool = new FakePool();
        pool.hangs = given -> given.equals(SHORT_REP.key() + "@w1");
        PoolFixture.Recorder recorder = new PoolFixture.Recorder();
        scheduler(pool, options(1).withTrialTimeout(0.3).withSilence(60)).execute(FOUR, recorder);

        assertThat(recorder.finished).hasSize(4).allMatch(r -> r.status() == Status.SUCCEEDED);
        assertThat(pool.killedWorkers).containsExactly("w1");
        assertThat(recorder.messages).contains("w1 exceeded the trial timeout of 0.3 s on " + SHORT_REP.key() + ": killing it",
                SHORT_REP.key() + " goes to a fresh worker (attempt 2 of 3)");
        assertThat(PoolFixture.byKey(recorder.finished).get(SHORT_REP.key()).worker()).isEqualTo("w2");
    }

    @Test
    void killsAWorkerSilentPastTheLimitAndRunsItsTrialAgain() {
        FakePool pool = new FakePool();
        pool.hangs = given -> given.equals(SHORT_REP.key() + "@w1");
        PoolFixture.Recorder recorder = new PoolFixture.Recorder();
        scheduler(pool, options(1).withTrialTimeout(600).withSilence(0.4)).execute(FOUR, recorder);

        assertThat(recorder.finished).hasSize(4).allMatch(r -> r.status() == Status.SUCCEEDED);
        assertThat(pool.killedWorkers).containsExactly("w1");
        assertThat(recorder.messages).contains("w1 silent for 0.4 s on " + SHORT_REP.key() + ": killing it");
    }

    @Test
    void marksATrialThatTimesOutOnEveryAttemptFailedWithTheReason() {
        FakePool pool = new FakePool();
        pool.hangs = given -> given.startsWith(SHORT_REP.key() + "@");
        PoolFixture.Recorder recorder = new PoolFixture.Recorder();
        scheduler(pool, options(2).withTrialTimeout(0.2).withSilence(60)).execute(FOUR, recorder);

        assertThat(recorder.finished).hasSize(4);
        TrialResult doomed = PoolFixture.byKey(recorder.finished).get(SHORT_REP.key());
        assertThat(doomed.status()).isEqualTo(Status.FAILED);
        assertThat(doomed.error()).contains("died 3 times", "exceeded the trial timeout of 0.2 s", "killed");
        assertThat(pool.killedWorkers).hasSize(3);
    }

    @Test
    void takesAKilledWorkerForDeadWhenThePoolNeverReportsItsDeath() {
        FakePool pool = new FakePool();
        pool.hangs = given -> given.equals(SHORT_REP.key() + "@w1");
        pool.killIgnored = true;
        PoolFixture.Recorder recorder = new PoolFixture.Recorder();
        long started = System.nanoTime();
        scheduler(pool, options(1).withTrialTimeout(0.2).withSilence(60)).execute(FOUR, recorder);

        assertThat(recorder.finished).hasSize(4).allMatch(r -> r.status() == Status.SUCCEEDED);
        assertThat((System.nanoTime() - started) / 1e9).isLessThan(10);
    }

    @Test
    void saysAWorkerRanOutOfMemoryWhenItsLastWordsSaySo() {
        FakePool pool = new FakePool();
        pool.dies = given -> given.startsWith(LONG_START.key() + "@");
        pool.lastWords = "Terminating due to java.lang.OutOfMemoryError: Java heap space";
        PoolFixture.Recorder recorder = new PoolFixture.Recorder();
        scheduler(pool, 1).execute(FOUR, recorder);

        assertThat(PoolFixture.byKey(recorder.finished).get(LONG_START.key()).error())
                .contains("exit code 3: ran out of memory (Terminating due to java.lang.OutOfMemoryError: Java heap space)");
    }

    @Test
    void derivesADefaultTimeoutFromTheExpectedTimeWithAFloorAndNeverInfinite() {
        assertThat(TrialTimeout.forTrial(0, 1)).isEqualTo(TrialTimeout.FLOOR_SECONDS);
        assertThat(TrialTimeout.forTrial(0, 100)).isEqualTo(100 * TrialTimeout.FACTOR);
        assertThat(TrialTimeout.forTrial(0, Double.POSITIVE_INFINITY)).isEqualTo(TrialTimeout.FLOOR_SECONDS);
        assertThat(TrialTimeout.forTrial(20, 100)).isEqualTo(20);
        assertThat(TrialTimeout.silence(20)).isEqualTo(20);
        assertThat(TrialTimeout.silence(0)).isEqualTo(TrialTimeout.SILENCE_SECONDS);
        assertThat(TrialTimeout.problem("")).isNull();
        assertThat(TrialTimeout.problem("0")).contains("above 0");
        assertThat(TrialTimeout.problem("soon")).contains("not a number");
    }

    /**
     * Workers in memory: each is ready as soon as it starts and finishes a trial as soon as it is
     * given one, unless told to die on it or to never end it.
     */
    @Test
    void startsNoWorkerWithoutRoomAndStartsOneAsSoonAsThereIsRoomAgain() throws Exception {
        FakePool pool = new FakePool();
        pool.capacity = 0;
        PoolFixture.Recorder recorder = new PoolFixture.Recorder();
        Thread nodeJoins = new Thread(() -> {
            try {
                TimeUnit.MILLISECONDS.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            pool.capacity = 1;
        });
        nodeJoins.start();
        scheduler(pool, 2).execute(FOUR, recorder);

        assertThat(recorder.finished).hasSize(4).allMatch(r -> r.status() == Status.SUCCEEDED);
        assertThat(recorder.messages).contains("no room for a worker: 4 trials wait for one");
        assertThat(pool.given).allMatch(g -> g.endsWith("@w1"));
    }

    @Test
    void failsWhenTrialsWaitWithNoWorkerAndNoRoomForTwiceTheSilenceLimit() {
        FakePool pool = new FakePool();
        pool.capacity = 0;
        PoolFixture.Recorder recorder = new PoolFixture.Recorder();
        long start = System.nanoTime();
        assertThatThrownBy(() -> scheduler(pool, options(2).withSilence(1)).execute(FOUR, recorder))
                .isInstanceOf(PoolExecutor.PoolFailure.class)
                .hasMessageStartingWith("no room for a worker for 2 s with 4 trials left");
        assertThat((System.nanoTime() - start) / 1e9).isBetween(1.9, 10.0);
        assertThat(recorder.finished).isEmpty();
    }

    @Test
    void aWorkerLostWithItsRoomHasItsTrialRunOnTheWorkersLeft() {
        FakePool pool = new FakePool();
        pool.capacity = 2;
        pool.dies = given -> {
            if (given.equals(LONG_START.key() + "@w2")) {
                pool.capacity = 1; // its node left the cluster with it
                return true;
            }
            return false;
        };
        PoolFixture.Recorder recorder = new PoolFixture.Recorder();
        scheduler(pool, 2).execute(FOUR, recorder);

        assertThat(recorder.finished).hasSize(4).allMatch(r -> r.status() == Status.SUCCEEDED);
        assertThat(PoolFixture.byKey(recorder.finished).get(LONG_START.key()).worker()).isEqualTo("w1");
        assertThat(pool.given).noneMatch(g -> g.endsWith("@w3"));
    }

    private static final class FakePool implements WorkerPool {
        final List<String> given = new CopyOnWriteArrayList<>();
        final Map<String, WorkerInfo> infos = new LinkedHashMap<>();
        final CountDownLatch hanging = new CountDownLatch(1);
        /** Which trial@worker kill their worker. */
        Predicate<String> dies = given -> false;
        /** Which trial@worker never end. */
        Predicate<String> hangs = given -> false;
        /** Whether workers get as far as ready; if not, each dies at once. */
        boolean ready = true;
        volatile boolean killed;
        /** Whether killing one worker goes unreported, as from a pool that lost track of it. */
        boolean killIgnored;
        /** What a worker that dies on a trial last wrote on stderr; with it, it exits with code 3, as out of memory. */
        String lastWords;
        final List<String> killedWorkers = new CopyOnWriteArrayList<>();
        volatile Boolean endedCancelled;
        /** Workers it has room for now: a cluster's nodes come and go. */
        volatile int capacity = Integer.MAX_VALUE;
        private final Map<String, Consumer<Event>> sinks = new LinkedHashMap<>();
        private final Set<String> retired = new HashSet<>();
        private int started;

        @Override
        public int capacity() {
            return capacity;
        }

        @Override
        public String start(Consumer<Event> events) {
            if (infos.size() >= capacity) {
                throw new IllegalStateException("started a worker without room for it");
            }
            String name = "w" + ++started;
            sinks.put(name, events);
            infos.put(name, new WorkerInfo(name, started, Status.QUEUED, null, 0, -1, -1));
            if (ready) {
                set(name, Status.RUNNING, null);
                events.accept(new Ready(name, 100L << 20, 0.5));
            } else {
                events.accept(new Died(name, 1, "no dataset"));
            }
            return name;
        }

        @Override
        public void run(String worker, Trial trial) {
            String what = trial.key() + "@" + worker;
            given.add(what);
            set(worker, Status.RUNNING, trial.key());
            Consumer<Event> events = sinks.get(worker);
            events.accept(new Started(worker, trial.key()));
            if (dies.test(what)) {
                events.accept(lastWords == null ? new Died(worker, 137, null) : new Died(worker, 3, lastWords));
            } else if (hangs.test(what)) {
                hanging.countDown();
            } else {
                events.accept(new Finished(worker, TrialResult.succeeded(trial, null, "ignored", 0.1), 100L << 20));
            }
        }

        @Override
        public void kill(String worker) {
            killedWorkers.add(worker);
            if (!killIgnored) {
                sinks.get(worker).accept(new Died(worker, 137, null));
            }
        }

        @Override
        public void retire(String worker) {
            retired.add(worker);
            sinks.get(worker).accept(new Died(worker, 0, null));
        }

        private void set(String worker, Status status, String trial) {
            WorkerInfo w = infos.get(worker);
            infos.put(worker, new WorkerInfo(worker, w.pid(), status, trial, w.trialsDone(), w.rssBytes(), w.nativeBytes()));
        }

        @Override
        public WorkerInfo remove(String worker) {
            set(worker, retired.contains(worker) ? Status.SUCCEEDED : Status.FAILED, infos.get(worker).currentTrial());
            return infos.remove(worker);
        }

        @Override
        public WorkerInfo info(String worker) {
            return infos.get(worker);
        }

        @Override
        public List<WorkerInfo> workers() {
            return List.copyOf(infos.values());
        }

        @Override
        public Map<String, Long> pids() {
            Map<String, Long> pids = new LinkedHashMap<>();
            infos.values().forEach(w -> pids.put(w.name(), w.pid()));
            return pids;
        }

        @Override
        public void kill() {
            killed = true;
        }

        @Override
        public List<WorkerInfo> endAll(boolean cancelled) {
            endedCancelled = cancelled;
            List<WorkerInfo> ended = new ArrayList<>();
            for (String name : List.copyOf(infos.keySet())) {
                set(name, cancelled ? Status.CANCELLED : Status.SUCCEEDED, null);
                ended.add(infos.remove(name));
            }
            return ended;
        }
    }
}
