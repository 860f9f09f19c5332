package io.kinefold.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The canary check against nodes in memory: one that agrees, one that does not, one that never answers. */
class CanaryTest {
    private static final Trial SMALL = new Trial(StartKind.id("squat"), 0, Map.of("epochs", 2.0, "units", 8.0), 0);
    private static final Trial LARGE = new Trial(StartKind.id("squat"), 1, Map.of("epochs", 20.0, "units", 64.0), 0);
    private static final Trial BASELINE = new Trial(StartKind.id("squat"), -2, Map.of(), 0);
    private static final Metrics HERE = new Metrics(0.875, 0.8, new int[][] {{7, 1}, {1, 7}}, 0.2, 2, 100, 16);

    /** Nodes whose workers answer a trial with the metrics given per node, or never (null). */
    private static final class FakeNodes implements Canary.Nodes {
        // The canary starts a worker on every node at once, from threads of its own.
        final Map<String, Metrics> answers = new LinkedHashMap<>();
        final Map<String, String> nodeOf = new java.util.concurrent.ConcurrentHashMap<>();
        final Map<String, Consumer<WorkerPool.Event>> sinks = new java.util.concurrent.ConcurrentHashMap<>();
        final List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<String> forgotten = new ArrayList<>();
        final List<String> parked = new ArrayList<>();

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
    }

    @Test
    void picksTheCheapestNetworkTrialNeverABaseline() {
        assertThat(Canary.pick(List.of(LARGE, BASELINE, SMALL), t -> 1000)).isEqualTo(SMALL);
        assertThat(Canary.pick(List.of(BASELINE), t -> 1000)).isNull();
    }

    @Test
    void passesWhenEveryNodeGivesThisMachinesMetrics() {
        FakeNodes nodes = new FakeNodes();
        nodes.answers.put("10.0.0.1:5701", HERE);
        nodes.answers.put("10.0.0.2:5701", new Metrics(0.875, 0.8, new int[][] {{7, 1}, {1, 7}}, 0.9, 2, 100, 16));

        List<String> passed = Canary.check(nodes, SMALL, CompletableFuture.completedFuture(TrialResult.succeeded(SMALL, HERE, "w1", 0.2)), 10);

        assertThat(passed).hasSize(2).allMatch(l -> l.contains("gives this machine's metrics"));
        assertThat(nodes.ran).containsExactlyInAnyOrder(SMALL.key() + "@10.0.0.1:5701/w1", SMALL.key() + "@10.0.0.2:5701/w1");
        assertThat(nodes.parked).as("kept for the run").containsExactlyInAnyOrder("10.0.0.1:5701/w1", "10.0.0.2:5701/w1");
        assertThat(nodes.forgotten).isEmpty();
    }

    @Test
    void theNodesWaitForThisMachinesResultAndAreNotCheckedWhenItFailed() throws Exception {
        FakeNodes nodes = new FakeNodes();
        nodes.answers.put("10.0.0.1:5701", new Metrics(0.5, 0.5, new int[][] {{1}}, 0.2, 2, 100, 16));
        CompletableFuture<TrialResult> here = new CompletableFuture<>();
        new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            here.complete(TrialResult.failed(SMALL, "no memory", "w1", 0.1));
        }).start();

        List<String> lines = Canary.check(nodes, SMALL, here, 10);

        assertThat(lines).containsExactly("the canary trial failed here: no memory; the nodes are not checked against it");
        assertThat(nodes.parked).containsExactly("10.0.0.1:5701/w1");
    }

    @Test
    void stopsTheRunNamingTheNodeWhoseMetricsDiffer() {
        FakeNodes nodes = new FakeNodes();
        nodes.answers.put("10.0.0.1:5701", HERE);
        nodes.answers.put("10.0.0.2:5701", new Metrics(0.8750001, 0.8, new int[][] {{7, 1}, {1, 7}}, 0.2, 2, 100, 16));

        assertThatThrownBy(() -> Canary.check(nodes, SMALL, CompletableFuture.completedFuture(TrialResult.succeeded(SMALL, HERE, "w1", 0.2)), 10))
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

        assertThatThrownBy(() -> Canary.check(nodes, SMALL, CompletableFuture.completedFuture(TrialResult.succeeded(SMALL, HERE, "w1", 0.2)), 0.5))
                .isInstanceOf(PoolExecutor.PoolFailure.class)
                .hasMessageContaining("did not finish on every node within")
                .hasMessageContaining("10.0.0.9:5701 still running it");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
        assertThat(nodes.forgotten).contains("10.0.0.9:5701/w1");
    }
}
