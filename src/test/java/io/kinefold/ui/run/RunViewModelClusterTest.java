package io.kinefold.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.Await;
import io.kinefold.cluster.NodeProcess;
import io.kinefold.data.DatasetLoader;
import io.kinefold.exec.RunOutcome;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.ModelGrid;
import io.kinefold.experiment.RunInfo;
import io.kinefold.experiment.Status;
import io.kinefold.store.Store;
import io.kinefold.ui.common.AppContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run view's cluster mode without a window, on two node JVMs on loopback. */
@Tag("slow")
class RunViewModelClusterTest {
    private static NodeProcess a;
    private static NodeProcess b;

    @TempDir Path tmp;
    private AppContext context;
    private RunViewModel model;
    private Preferences preferences;

    @BeforeAll
    static void twoNodes() throws Exception {
        a = NodeProcess.start(1, null);
        b = NodeProcess.start(1, a);
    }

    @AfterAll
    static void stopNodes() throws Exception {
        b.close();
        a.close();
        assertThat(Await.until(Duration.ofSeconds(20), () -> a.workersLeft().isEmpty() && b.workersLeft().isEmpty())).isTrue();
    }

    @BeforeEach
    void setUp() throws Exception {
        preferences = Preferences.userRoot().node("kinefold-test-cluster-" + System.nanoTime());
        context = new AppContext(tmp.resolve("t.db"), preferences);
        model = new RunViewModel(context, Runnable::run);
        context.datasetProperty().set(DatasetLoader.load(Path.of("datasets/demo")));
        context.specProperty().set(new ExperimentSpec(ExperimentSpec.FORMAT, "on-the-cluster", null, 3, 7, null, List.of(
                new ModelGrid("pose", Map.of("units", List.of(16.0, 32.0), "epochs", List.of(30.0), "batchSize", List.of(32.0))))));
    }

    @AfterEach
    void tearDown() throws Exception {
        model.cancel();
        context.close();
        preferences.removeNode();
    }

    @Test
    void aClusterRunShowsEveryNodeItsTrialsAndItsMachineLive() throws Exception {
        model.clusterAddressProperty().set(a.address());

        RunOutcome outcome = model.start(RunViewModel.Mode.CLUSTER).get(180, TimeUnit.SECONDS);

        assertThat(model.errorProperty().get()).as(model.errorDetailsProperty().get() + "\n" + model.messages()).isNull();
        assertThat(outcome).isNotNull();
        assertThat(outcome.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(model.reasonProperty().get()).contains("2 workers on 2 nodes");
        List<NodeRow> nodes = List.copyOf(model.nodeRows());
        assertThat(nodes).extracting(NodeRow::address).containsExactlyInAnyOrder(a.address(), b.address());
        assertThat(nodes.stream().mapToInt(NodeRow::trialsDone).sum()).as("every trial, by node").isEqualTo(outcome.trials());
        assertThat(nodes).anyMatch(n -> n.memoryTotalMb() > 0 && n.cpuPercent() >= 0);
        assertThat(model.nodeCpuSeries()).extracting(s -> s.getName()).isNotEmpty().allMatch(n -> n.equals(a.address()) || n.equals(b.address()));
        assertThat(model.timeline()).extracting(TimelineBar::lane).allMatch(l -> l.startsWith(a.address() + "/") || l.startsWith(b.address() + "/"));
        assertThat(model.messages()).anyMatch(m -> m.contains("canary trial") && m.contains("gives this machine's metrics"));
        try (Store store = Store.open(tmp.resolve("t.db"))) {
            assertThat(store.runs()).extracting(RunInfo::mode).containsExactly("cluster");
        }
        assertThat(preferences.get("clusterAddress", null)).as("remembered").isEqualTo(a.address());
    }

    @Test
    void aClusterAddressThatIsNotOneIsRefusedBeforeAnythingStarts() throws Exception {
        model.clusterAddressProperty().set("lab-a:57o1");

        RunOutcome outcome = model.start(RunViewModel.Mode.CLUSTER).get(10, TimeUnit.SECONDS);

        assertThat(outcome).isNull();
        assertThat(model.errorProperty().get()).startsWith("Cluster address: ").contains("'57o1' is not a port number");
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void noNodeAtTheAddressSaysSoAndLeavesNothingRunning() throws Exception {
        model.clusterAddressProperty().set("127.0.0.1:9");

        RunOutcome outcome = model.start(RunViewModel.Mode.CLUSTER).get(60, TimeUnit.SECONDS);

        assertThat(outcome).isNull();
        assertThat(model.errorProperty().get()).isEqualTo("The cluster cannot be used");
        assertThat(model.errorDetailsProperty().get()).contains("no Kinefold node answered at 127.0.0.1:9");
        assertThat(model.runningProperty().get()).isFalse();
    }
}
