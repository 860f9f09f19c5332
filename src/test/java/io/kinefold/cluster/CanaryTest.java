package io.kinefold.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinefold.exec.ExecutionListener;
import io.kinefold.exec.PoolExecutor;
import io.kinefold.exec.WorkerPool;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import io.kinefold.kind.StartKind;
import io.kinefold.model.Metrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The canary against nodes in memory (one that agrees, one that does not, one that never answers) and the gate that holds results until its check. */
class CanaryTest {
    private static final Trial SMALL = new Trial(StartKind.id("squat"), 0, Map.of("epochs", 2.0, "units", 8.0), 0);
    private static final Trial LARGE = new Trial(StartKind.id("squat"), 1, Map.of("epochs", 20.0, "units", 64.0), 0);
    private static final Trial BASELINE = new Trial(StartKind.id("squat"), -2, Map.of(), 0);
    private static final Metrics HERE = new Metrics(0.875, 0.8, new int[][] {{7, 1}, {1, 7}}, 0.2, 2, 100, 16);
    /** HERE's metrics, trained in another time: time is not a metric. */
    private static final Metrics OTHER_TIME = new Metrics(0.875, 0.8, new int[][] {{7, 1}, {1, 7}}, 0.9, 2, 100, 16);

    /** Nodes whose workers answer a trial with the metrics given per node, or never (null). */
    private static final class FakeNodes implements Canary.Nodes {
        // The canary starts a worker on every node at once, from threads of its own.
        final Map<String, Metrics> answers = new LinkedHashMap<>();
        final Map<String, String> nodeOf = new java.util.concurrent.ConcurrentHashMap<>();
        final Map<String, Consumer<WorkerPool.Event>> sinks = new java.util.concurrent.ConcurrentHashMap<>();
        final List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<String> forgotten = new ArrayList<>();
        final List<String> parked = new ArrayList<>();
        int sessionsEnded;

        @Override
        public List<String> nodeNames() {
            return List.copyOf(answers.keySet());
        }

        @Override
        public String startOn(String node, Consumer<WorkerPool.Event> events) {
            String worker = node + "/w1";
            nodeOf.put(worker, node);
            sinks.put(worker, events);
            events.accept(new WorkerPool.Ready(worker, 1, 0.5));
            return worker;
        }

        @Override
        public void run(String worker, Trial trial) {
            ran.add(trial.key() + "@" + worker);
            Metrics m = answers.get(nodeOf.get(worker));
            if (m != null) {
                sinks.get(worker).accept(new WorkerPool.Finished(worker, TrialResult.succeeded(trial, m, worker, 0.3), 1));
            }
        }

        @Override
        public void park(String worker) {
            parked.add(worker);
        }

        @Override
        public void forget(String worker) {
            forgotten.add(worker);
        }

        @Override
        public void endSessions() {
            sessionsEnded++;
        }
    }

    /** A run that reports the given trials at once and then waits, up to a bound, for a stop. */
    private static final class FakeRun implements Canary.Run {
        final List<Trial> reports;
        final long waitMillis;
        final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        final List<String> seenWhileRunning = new ArrayList<>();
        Recorder recorder;

        FakeRun(long waitMillis, Trial... reports) {
            this.reports = List.of(reports);
            this.waitMillis = waitMillis;
        }

        @Override
        public void execute(ExecutionListener gate) {
            reports.forEach(t -> gate.trialFinished(TrialResult.succeeded(t, HERE, "10.0.0.1:5701/w1", 0.3)));
            seenWhileRunning.addAll(recorder.seen);
            try {
                stopped.await(waitMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void stop() {
            stopped.countDown();
        }

        @Override
        public boolean cancelled() {
            return stopped.getCount() == 0;
        }
    }

    private static java.util.concurrent.CompletableFuture<TrialResult> hereAfter(long millis, Metrics metrics) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> TrialResult.succeeded(SMALL, metrics, "w1", 0.2),
                java.util.concurrent.CompletableFuture.delayedExecutor(millis, java.util.concurrent.TimeUnit.MILLISECONDS));
    }

    @Test
    void picksTheCheapestNetworkTrialNeverABaseline() {
        assertThat(Canary.pick(List.of(LARGE, BASELINE, SMALL), t -> 1000)).isEqualTo(SMALL);
        assertThat(Canary.pick(List.of(BASELINE), t -> 1000)).isNull();
    }

    @Test
    void everyNodeRunsTheCanaryAndItsWorkerIsKeptForTheRun() {
        FakeNodes nodes = new FakeNodes();
        nodes.answers.put("10.0.0.1:5701", HERE);
        nodes.answers.put("10.0.0.2:5701", OTHER_TIME);

        Map<String, TrialResult> theirs = Canary.runOnNodes(nodes, SMALL, 10);

        assertThat(theirs.keySet()).containsExactly("10.0.0.1:5701", "10.0.0.2:5701");
        assertThat(nodes.ran).containsExactlyInAnyOrder(SMALL.key() + "@10.0.0.1:5701/w1", SMALL.key() + "@10.0.0.2:5701/w1");
        assertThat(nodes.parked).as("kept for the run").containsExactlyInAnyOrder("10.0.0.1:5701/w1", "10.0.0.2:5701/w1");
        assertThat(nodes.forgotten).isEmpty();
    }

    @Test
    void passesWhenEveryNodeGivesThisMachinesMetricsWhateverItsTime() {
        Map<String, TrialResult> theirs = new LinkedHashMap<>();
        theirs.put("10.0.0.1:5701", TrialResult.succeeded(SMALL, HERE, "w1", 0.3));
        theirs.put("10.0.0.2:5701", TrialResult.succeeded(SMALL, OTHER_TIME, "w1", 0.3));

        List<String> passed = Canary.verify(SMALL, TrialResult.succeeded(SMALL, HERE, "w1", 0.2), theirs);

        assertThat(passed).containsExactly("node 10.0.0.1:5701: canary trial " + SMALL.key() + " gives this machine's metrics",
                "node 10.0.0.2:5701: canary trial " + SMALL.key() + " gives this machine's metrics");
    }

    @Test
    void theNodesAreNotCheckedWhenTheCanaryFailedHereOrGaveNothing() {
        Map<String, TrialResult> theirs = Map.of("10.0.0.1:5701",
                TrialResult.succeeded(SMALL, new Metrics(0.5, 0.5, new int[][] {{1}}, 0.2, 2, 100, 16), "w1", 0.3));

        assertThat(Canary.verify(SMALL, TrialResult.failed(SMALL, "no memory", "w1", 0.1), theirs))
                .containsExactly("the canary trial failed here: no memory; the nodes are not checked against it");
        assertThat(Canary.verify(SMALL, null, theirs))
                .containsExactly("the canary trial gave no result here; the nodes are not checked against it");
    }

    @Test
    void stopsTheRunNamingTheNodeWhoseMetricsDiffer() {
        Map<String, TrialResult> theirs = new LinkedHashMap<>();
        theirs.put("10.0.0.1:5701", TrialResult.succeeded(SMALL, HERE, "w1", 0.3));
        theirs.put("10.0.0.2:5701", TrialResult.succeeded(SMALL, new Metrics(0.8750001, 0.8, new int[][] {{7, 1}, {1, 7}}, 0.2, 2, 100, 16),
                "w1", 0.3));

        assertThatThrownBy(() -> Canary.verify(SMALL, TrialResult.succeeded(SMALL, HERE, "w1", 0.2), theirs))
                .isInstanceOf(PoolExecutor.PoolFailure.class)
                .hasMessageContaining("node 10.0.0.2:5701 gives other metrics than this machine for the canary trial " + SMALL.key())
                .hasMessageContaining("the run stops");
    }

    @Test
    void aNodeThatNeverFinishesTheCanaryStopsTheRunWithinTheBound() {
        FakeNodes nodes = new FakeNodes();
        nodes.answers.put("10.0.0.1:5701", HERE);
        nodes.answers.put("10.0.0.9:5701", null);
        long start = System.nanoTime();

        assertThatThrownBy(() -> Canary.runOnNodes(nodes, SMALL, 0.5))
                .isInstanceOf(PoolExecutor.PoolFailure.class)
                .hasMessageContaining("did not finish on every node within")
                .hasMessageContaining("10.0.0.9:5701 still running it");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
        assertThat(nodes.forgotten).containsExactly("10.0.0.9:5701/w1");
        assertThat(nodes.parked).containsExactly("10.0.0.1:5701/w1");
    }

    /** What the gate lets through, in order. */
    private static final class Recorder implements io.kinefold.exec.PoolListener {
        final List<String> seen = new ArrayList<>();

        @Override
        public void workerChanged(io.kinefold.exec.WorkerInfo worker) {
            seen.add("worker " + worker.name());
        }

        @Override
        public void trialFinished(TrialResult result) {
            seen.add("finished " + result.trial().key());
        }

        @Override
        public void message(String text) {
            seen.add(text);
        }
    }

    @Test
    void theGateHoldsTheRunsResultsUntilTheCheckPassesThenLetsThemAllThrough() {
        Recorder next = new Recorder();
        CanaryGate gate = new CanaryGate(next);

        gate.message("a log line passes at once");
        gate.workerChanged(new io.kinefold.exec.WorkerInfo("n/w1", 7, io.kinefold.experiment.Status.RUNNING, LARGE.key(), 0, 0, -1));
        gate.trialFinished(TrialResult.succeeded(LARGE, HERE, "n/w1", 1));
        gate.trialFinished(TrialResult.succeeded(SMALL, HERE, "n/w2", 1));
        assertThat(next.seen).as("the pool's news of its workers too").containsExactly("a log line passes at once", "worker n/w1");
        assertThat(gate.held()).isEqualTo(2);

        gate.pass(List.of("node n: canary trial passed"));
        gate.trialFinished(TrialResult.succeeded(BASELINE, HERE, "n/w1", 1));
        gate.fail(new PoolExecutor.PoolFailure("too late to count"));

        assertThat(next.seen).containsExactly("a log line passes at once", "worker n/w1", "node n: canary trial passed",
                "finished " + LARGE.key(), "finished " + SMALL.key(), "finished " + BASELINE.key());
        assertThat(gate.failure()).isNull();
        assertThat(gate.settled()).isTrue();
    }

    @Test
    void aFailedCheckDropsTheHeldResultsAndSaysHowMany() {
        Recorder next = new Recorder();
        CanaryGate gate = new CanaryGate(next);
        gate.trialFinished(TrialResult.succeeded(LARGE, HERE, "n/w1", 1));
        gate.trialFinished(TrialResult.succeeded(SMALL, HERE, "n/w2", 1));

        gate.fail(new PoolExecutor.PoolFailure("node n gives other metrics"));
        gate.trialFinished(TrialResult.succeeded(BASELINE, HERE, "n/w1", 1));
        gate.pass(List.of("too late"));

        assertThat(next.seen).isEmpty();
        assertThat(gate.held()).isZero();
        assertThat(gate.failure()).hasMessage("node n gives other metrics; the 2 results the nodes gave meanwhile are not recorded");
    }

    @Test
    void aGuardedRunStartsBeforeThisMachinesCanaryAndItsResultsAreRecordedOnceTheCheckPassed() {
        FakeNodes nodes = new FakeNodes();
        nodes.answers.put("10.0.0.1:5701", HERE);
        nodes.answers.put("10.0.0.2:5701", OTHER_TIME);
        Recorder recorder = new Recorder();
        FakeRun run = new FakeRun(0, LARGE, SMALL);
        run.recorder = recorder;

        Canary.guard(nodes, SMALL, hereAfter(300, HERE), 10, recorder, run);

        assertThat(run.seenWhileRunning).as("held while this machine's canary runs").isEmpty();
        assertThat(recorder.seen).containsExactly("node 10.0.0.1:5701: canary trial " + SMALL.key() + " gives this machine's metrics",
                "node 10.0.0.2:5701: canary trial " + SMALL.key() + " gives this machine's metrics",
                "finished " + LARGE.key(), "finished " + SMALL.key());
        assertThat(nodes.sessionsEnded).isZero();
    }

    @Test
    void aNodeThatFailsTheCheckStopsTheGuardedRunAndNothingItGaveIsRecorded() {
        FakeNodes nodes = new FakeNodes();
        nodes.answers.put("10.0.0.1:5701", HERE);
        nodes.answers.put("10.0.0.2:5701", new Metrics(0.75, 0.8, new int[][] {{6, 2}, {1, 7}}, 0.2, 2, 100, 16));
        Recorder recorder = new Recorder();
        FakeRun run = new FakeRun(5000, LARGE);
        run.recorder = recorder;
        long start = System.nanoTime();

        assertThatThrownBy(() -> Canary.guard(nodes, SMALL, hereAfter(300, HERE), 10, recorder, run))
                .isInstanceOf(PoolExecutor.PoolFailure.class)
                .hasMessageContaining("node 10.0.0.2:5701 gives other metrics than this machine")
                .hasMessageEndingWith("; the 1 result the nodes gave meanwhile is not recorded");

        assertThat((System.nanoTime() - start) / 1e9).as("stopped, not waited out").isLessThan(4);
        assertThat(recorder.seen).isEmpty();
        assertThat(nodes.sessionsEnded).isPositive();
    }
}
