package io.kinefold.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.Await;
import io.kinefold.cli.KinefoldCommand;
import io.kinefold.experiment.TrialResult;
import io.kinefold.store.Store;
import io.kinefold.store.StoreException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs on a cluster of node JVMs on loopback, as a lab's machines: the command line's
 * {@code run --cluster} in this JVM as the coordinator, {@code kinefold node}s in JVMs of their own,
 * one of them killed or stopped mid-run.
 */
@Tag("slow")
class ClusterRunTest {
    private static final String DEMO = Path.of("datasets/demo").toAbsolutePath().toString();
    /** 24 network trials of 0.3 to 1 s each, and 6 baselines: long enough to lose a node mid-run. */
    private static final String SPEC = """
            {"format":"kinefold-experiment/1","name":"cluster-test","folds":3,"seed":11,
             "models":[{"model":"pose","grid":{"units":[16,32,48,64],"learningRate":[0.003,0.01],"epochs":[40],"batchSize":[32]}}]}""";
    private static final ExecutorService COORDINATOR = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "coordinator");
        t.setDaemon(true);
        return t;
    });
    private static String heartbeatBefore;

    @TempDir
    Path dir;

    @BeforeAll
    static void quickFailureDetection() {
        heartbeatBefore = System.getProperty("kinefold.cluster.heartbeatSeconds");
        System.setProperty("kinefold.cluster.heartbeatSeconds", Integer.toString(NodeProcess.HEARTBEAT_SECONDS));
    }

    @AfterAll
    static void restore() {
        if (heartbeatBefore == null) {
            System.clearProperty("kinefold.cluster.heartbeatSeconds");
        } else {
            System.setProperty("kinefold.cluster.heartbeatSeconds", heartbeatBefore);
        }
    }

    private record Outcome(int code, String out, String err) {}

    private static Outcome kinefold(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KinefoldCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private Path spec() throws Exception {
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, SPEC);
        return spec;
    }

    /** Every trial's metrics that do not depend on the machine: accuracy, macro-F1, confusion matrix, epochs run. */
    private static Map<String, String> metrics(Path db) throws StoreException {
        try (Store store = Store.open(db)) {
            long run = store.runs().get(0).id();
            return store.trialResults(run).stream().collect(Collectors.toMap(r -> r.trial().key(), ClusterRunTest::metricsOf,
                    (a, b) -> a, TreeMap::new));
        }
    }

    private static String metricsOf(TrialResult r) {
        if (r.metrics() == null) {
            return r.status() + " " + r.error();
        }
        return r.status() + " acc=" + r.metrics().accuracy() + " f1=" + r.metrics().macroF1() + " epochs=" + r.metrics().epochs()
                + " confusion=" + Arrays.deepToString(r.metrics().confusion());
    }

    private static int storedTrials(Path db) {
        try (Store store = Store.open(db)) {
            return store.runs().isEmpty() ? 0 : store.trialResults(store.runs().get(0).id()).size();
        } catch (StoreException | RuntimeException e) {
            return 0; // being written: ask again
        }
    }

    @Test
    void aClusterRunSurvivesANodeKilledMidRunRecordsEveryTrialOnceWithTheSingleProcessMetrics() throws Exception {
        Path spec = spec();
        Path singleDb = dir.resolve("single.db");
        Outcome single = kinefold("run", spec.toString(), "--dataset", DEMO, "--workers", "1", "--db", singleDb.toString());
        assertThat(single.code()).as(single.err()).isZero();

        Path clusterDb = dir.resolve("cluster.db");
        NodeProcess a = NodeProcess.start(1, null);
        NodeProcess b = NodeProcess.start(1, a);
        try {
            Future<Outcome> run = COORDINATOR.submit(() -> kinefold("run", spec.toString(), "--dataset", DEMO, "--cluster", a.address(),
                    "--db", clusterDb.toString(), "--json"));
            // Mid-run: both nodes have a worker and a few trials are stored.
            boolean busy = Await.until(Duration.ofSeconds(90), () -> {
                a.noteWorkers();
                b.noteWorkers();
                return a.workersNow() > 0 && b.workersNow() > 0 && storedTrials(clusterDb) >= 3;
            });
            assertThat(busy).as("both nodes ran workers\n" + a.output() + "\n" + b.output()).isTrue();
            int before = storedTrials(clusterDb);
            a.kill9();

            Outcome outcome = run.get(180, TimeUnit.SECONDS);
            assertThat(outcome.code()).as(outcome.err()).isZero();
            assertThat(before).as("the node was killed with trials left").isLessThan(30);
            assertThat(outcome.err()).contains("left the cluster")
                    .contains("node " + a.address() + ": canary trial").contains("node " + b.address() + ": canary trial");

            // Every trial recorded once, with the metrics of the single-process run.
            try (Store store = Store.open(clusterDb)) {
                long runId = store.runs().get(0).id();
                assertThat(store.completions(runId).values()).isNotEmpty().allMatch(n -> n == 1);
                assertThat(store.run(runId).orElseThrow().mode()).isEqualTo("cluster");
                // Each node sampled its machine and workers; the store keeps them under its name.
                List<io.kinefold.monitor.ResourceSampleRow> rows = store.samples(runId);
                assertThat(io.kinefold.monitor.ResourceSample.nodes(rows)).contains(b.address());
                assertThat(io.kinefold.monitor.ResourceSample.fromRows(rows, b.address()))
                        .isNotEmpty().anyMatch(sample -> sample.memUsedBytes() > 0 && !sample.workers().isEmpty());
                assertThat(io.kinefold.monitor.ResourceSample.fromRows(rows)).allMatch(sample -> !Double.isNaN(sample.cpuTotal()));
            }
            assertThat(metrics(clusterDb)).isEqualTo(metrics(singleDb));
            // run --json: trials per node; the killed node's finished trials count too.
            com.fasterxml.jackson.databind.JsonNode nodes = new com.fasterxml.jackson.databind.ObjectMapper().readTree(outcome.out()).get("nodes");
            assertThat(nodes.findValuesAsText("address")).contains(b.address());
            assertThat(nodes.findValues("trials")).extracting(com.fasterxml.jackson.databind.JsonNode::asInt)
                    .as("every stored trial, by node").matches(t -> t.stream().mapToInt(Integer::intValue).sum() == 30);
        } finally {
            b.close();
            a.close();
        }
        assertThat(Await.until(Duration.ofSeconds(20), () -> a.workersLeft().isEmpty() && b.workersLeft().isEmpty()))
                .as("no worker left: " + a.workersLeft() + " " + b.workersLeft()).isTrue();
    }

    @Test
    void aStoppedNodesTrialsAreRunAgainAfterTheHeartbeatTimeoutAndTheRunCompletes() throws Exception {
        Path spec = spec();
        Path clusterDb = dir.resolve("stopped.db");
        NodeProcess a = NodeProcess.start(1, null);
        NodeProcess b = NodeProcess.start(1, a);
        try {
            Future<Outcome> run = COORDINATOR.submit(() -> kinefold("run", spec.toString(), "--dataset", DEMO, "--cluster", a.address(),
                    "--db", clusterDb.toString()));
            boolean busy = Await.until(Duration.ofSeconds(90), () -> {
                a.noteWorkers();
                b.noteWorkers();
                return a.workersNow() > 0 && b.workersNow() > 0 && storedTrials(clusterDb) >= 3;
            });
            assertThat(busy).as("both nodes ran workers").isTrue();
            b.signal("STOP");
            long stopped = System.nanoTime();

            Outcome outcome = run.get(180, TimeUnit.SECONDS);
            assertThat(outcome.code()).as(outcome.err()).isZero();
            assertThat(outcome.err()).contains("node " + b.address() + " left the cluster");
            assertThat((System.nanoTime() - stopped) / 1e9).as("given up after the heartbeat timeout, not the silence limit")
                    .isGreaterThanOrEqualTo(NodeProcess.HEARTBEAT_SECONDS - 1);
            try (Store store = Store.open(clusterDb)) {
                long runId = store.runs().get(0).id();
                assertThat(store.completions(runId).values()).isNotEmpty().allMatch(n -> n == 1);
                assertThat(store.trialResults(runId)).as("24 networks and 6 baselines").hasSize(30).allMatch(r -> r.status() == io.kinefold.experiment.Status.SUCCEEDED);
            }
        } finally {
            b.signal("CONT");
            b.close();
            a.close();
        }
        assertThat(Await.until(Duration.ofSeconds(30), () -> a.workersLeft().isEmpty() && b.workersLeft().isEmpty()))
                .as("no worker left: " + a.workersLeft() + " " + b.workersLeft()).isTrue();
    }

    @Test
    void aNodeOfAnotherBuildIsRefusedWithAClearMessage() throws Exception {
        NodeProcess other = NodeProcess.start(1, null, "-D" + Build.PRETEND + "=0123456789abcdef");
        try {
            Outcome outcome = kinefold("run", spec().toString(), "--dataset", DEMO, "--cluster", other.address(),
                    "--db", dir.resolve("refused.db").toString());
            assertThat(outcome.code()).isEqualTo(KinefoldCommand.FAILED);
            assertThat(outcome.err()).contains("node " + other.address() + " refused: it runs Kinefold build 0123456789abcdef")
                    .contains("no node of this build");
            assertThat(other.workersNow()).isZero();

            // Another cluster's name: the node is not even seen, so that two labs on one network stay apart.
            Outcome elsewhere = kinefold("run", spec().toString(), "--dataset", DEMO, "--cluster", other.address(),
                    "--cluster-name", "another-lab", "--db", dir.resolve("elsewhere.db").toString());
            assertThat(elsewhere.code()).isEqualTo(KinefoldCommand.FAILED);
            assertThat(elsewhere.err()).contains("no Kinefold node answered at " + other.address() + " (cluster name 'another-lab')");
        } finally {
            other.close();
        }
    }

    @Test
    void aNodeRefusesRunsFromOutsideTheAddressesItAllows() throws Exception {
        NodeProcess node = NodeProcess.start(1, null, List.of("--allow", "10.9.9.0/24"));
        try {
            assertThat(Await.until(Duration.ofSeconds(10), () -> node.output().contains("Serves runs from [10.9.9.0/24] only")))
                    .as(node.output()).isTrue();
            Outcome outcome = kinefold("run", spec().toString(), "--dataset", DEMO, "--cluster", node.address(),
                    "--db", dir.resolve("outside.db").toString());
            assertThat(outcome.code()).isEqualTo(KinefoldCommand.FAILED);
            assertThat(outcome.err()).contains("serves runs from [10.9.9.0/24] only, not from 127.0.0.1");
            assertThat(node.workersNow()).isZero();
        } finally {
            node.close();
        }
    }

    @Test
    void clusterStatusListsEveryNode() throws Exception {
        NodeProcess a = NodeProcess.start(2, null);
        NodeProcess b = NodeProcess.start(1, a);
        try {
            Outcome status = kinefold("cluster", "status", a.address(), "--json");
            assertThat(status.code()).as(status.err()).isZero();
            assertThat(status.err()).contains(a.address()).contains(b.address()).contains("3 free of 3 slots");
            com.fasterxml.jackson.databind.JsonNode nodes = new com.fasterxml.jackson.databind.ObjectMapper().readTree(status.out()).get("nodes");
            assertThat(nodes).hasSize(2);
            assertThat(nodes.findValuesAsText("address")).containsExactlyInAnyOrder(a.address(), b.address());
            assertThat(nodes.findValuesAsText("build")).containsOnly(Build.hash());
            assertThat(nodes.findValues("slots")).extracting(com.fasterxml.jackson.databind.JsonNode::asInt).containsExactlyInAnyOrder(2, 1);
            assertThat(nodes.findValues("answeredMs")).extracting(com.fasterxml.jackson.databind.JsonNode::asDouble).allMatch(ms -> ms > 0);
            assertThat(nodes.findValues("trialsDone")).hasSize(2);

            // compare --cluster --scaling: one worker here, then the cluster's three slots, then one and two of them;
            // the same metrics, trials by node, and the speedup over one worker on the cluster.
            Outcome compare = kinefold("compare", spec().toString(), "--dataset", DEMO, "--cluster", b.address(), "--no-reference",
                    "--scaling", "--db", dir.resolve("compare.db").toString(), "--json");
            assertThat(compare.code()).as(compare.err()).isZero();
            assertThat(compare.err()).contains("== cluster (3 workers) ==").contains("metrics identical in both modes")
                    .contains("== scaling: 1 worker ==").contains("== scaling: 2 workers ==")
                    .containsPattern("on the cluster: 3 workers are \\d+\\.\\d\\d× one worker there");
            com.fasterxml.jackson.databind.JsonNode result = new com.fasterxml.jackson.databind.ObjectMapper().readTree(compare.out());
            assertThat(result.get("identicalMetrics").asBoolean()).isTrue();
            assertThat(result.get("nodes").findValuesAsText("address")).isSubsetOf(a.address(), b.address()).isNotEmpty();
            try (Store store = Store.open(dir.resolve("compare.db"))) {
                assertThat(store.runs()).extracting(io.kinefold.experiment.RunInfo::mode)
                        .containsExactlyInAnyOrder("compare-single", "compare-cluster", "scaling-cluster-1", "scaling-cluster-2");
            }
        } finally {
            b.close();
            a.close();
        }
        List<ProcessHandle> left = a.workersLeft();
        assertThat(left).isEmpty();
    }
}
