package io.kinefold.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.data.synth.DatasetGenerator;
import io.kinefold.experiment.RunInfo;
import io.kinefold.experiment.SpecIo;
import io.kinefold.store.Store;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compare workflow with in-process executors: its phases as the listener hears them, and what it stores. */
@Tag("slow")
class CompareWorkflowTest {
    @TempDir
    Path dir;
    RunService.Prepared prepared;
    final List<String> heard = new CopyOnWriteArrayList<>();
    final List<String> asked = new CopyOnWriteArrayList<>();

    /** Runs every trial in this process, and notes what the workflow asked for. */
    final ExecutorFactory inProcess = (mode, workload, choice) -> {
        asked.add(mode + " " + choice.workers());
        return new SingleProcessExecutor(workload);
    };

    final CompareListener listener = new CompareListener() {
        @Override
        public void referenceStarted(int processes) {
            heard.add("reference " + processes);
        }

        @Override
        public void phaseStarted(CompareWorkflow.Phase phase, int workers, Comparer.ModeRun single) {
            heard.add(phase + " " + workers + (single == null ? "" : " after run " + single.runId()));
        }
    };

    @BeforeEach
    void prepare() throws Exception {
        Path dataset = dir.resolve("ds");
        DatasetGenerator.generate(dataset, new DatasetGenerator.Options(4, 5, 3, 30));
        var spec = SpecIo.parse("""
                {"format":"kinefold-experiment/1","name":"workflow","folds":2,"seed":3,
                 "models":[{"model":"start:squat","grid":{"units":[8],"epochs":[1],"batchSize":[256]}}]}""", "test");
        prepared = RunService.prepare(spec, dataset, Path.of("."));
    }

    @Test
    void runsSingleThenPoolThenEachScalingCountAndStoresTheResult() throws Exception {
        try (Store store = Store.open(dir.resolve("t.db"))) {
            CompareWorkflow.Outcome outcome = new CompareWorkflow(new RunService(store), inProcess, new RunCancel())
                    .run(prepared, WorkerChoice.fixed(3), new CompareWorkflow.Options(false, true), listener);

            assertThat(outcome.compared()).isTrue();
            long single = outcome.single().runId();
            assertThat(heard).containsExactly("SINGLE 1", "POOL 3 after run " + single, "SCALING 2 after run " + single);
            assertThat(asked).containsExactly("SINGLE 1", "POOL 3", "POOL 2");
            assertThat(outcome.result().metricsAgree()).isTrue();
            assertThat(outcome.result().scaling()).extracting(ComparisonResult.ScalingPoint::workers).containsExactly(1, 2, 3);
            assertThat(outcome.last()).isEqualTo(outcome.pool().outcome());
            assertThat(store.runs()).extracting(RunInfo::mode)
                    .containsExactlyInAnyOrder(Comparer.SINGLE_MODE, Comparer.POOL_MODE, "scaling-2");
            ComparisonResult stored = ComparisonResult.fromJson(store.comparisonOf(outcome.pool().runId()).orElseThrow());
            assertThat(stored).usingRecursiveComparison().isEqualTo(outcome.result());
        }
    }

    @Test
    void onAClusterTheScalingCurveRunsThereFromOneWorkerUp() throws Exception {
        ExecutorFactory cluster = (mode, workload, choice) -> {
            asked.add(mode + " " + choice.workers() + (choice.cluster() ? " on the cluster" : ""));
            return new SingleProcessExecutor(workload);
        };
        WorkerChoice threeSlots = WorkerChoice.fixed(3).onCluster(new WorkerCount(3, "3 workers on 2 nodes"));
        try (Store store = Store.open(dir.resolve("t.db"))) {
            CompareWorkflow.Outcome outcome = new CompareWorkflow(new RunService(store), cluster, new RunCancel())
                    .run(prepared, threeSlots, new CompareWorkflow.Options(false, true), listener);

            assertThat(outcome.compared()).isTrue();
            assertThat(asked).containsExactly("SINGLE 1", "CLUSTER 3 on the cluster", "CLUSTER 1 on the cluster",
                    "CLUSTER 2 on the cluster");
            assertThat(outcome.result().scaling()).extracting(ComparisonResult.ScalingPoint::workers).containsExactly(1, 2, 3);
            double singleWall = outcome.single().outcome().wallSeconds();
            assertThat(outcome.result().scaling().get(0).speedup()).as("one worker on the cluster, timed against the single process")
                    .isEqualTo(singleWall / outcome.result().scaling().get(0).wallSeconds());
            assertThat(store.runs()).extracting(RunInfo::mode).contains("scaling-cluster-1", "scaling-cluster-2");
        }
    }

    @Test
    void measuresNoReferenceForOneWorker() throws Exception {
        try (Store store = Store.open(dir.resolve("t.db"))) {
            CompareWorkflow.Outcome outcome = new CompareWorkflow(new RunService(store), inProcess, new RunCancel())
                    .run(prepared, WorkerChoice.fixed(1), CompareWorkflow.Options.DEFAULT, listener);

            assertThat(heard).doesNotContain("reference 1").startsWith("SINGLE 1");
            assertThat(outcome.result().reference()).isNull();
        }
    }

    @Test
    void startsNothingOnceCancelled() throws Exception {
        RunCancel cancel = new RunCancel();
        cancel.cancel();
        try (Store store = Store.open(dir.resolve("t.db"))) {
            CompareWorkflow.Outcome outcome = new CompareWorkflow(new RunService(store), inProcess, cancel)
                    .run(prepared, WorkerChoice.fixed(2), new CompareWorkflow.Options(false, false), listener);

            assertThat(outcome.compared()).isFalse();
            assertThat(outcome.last()).isNull();
            assertThat(heard).isEmpty();
            assertThat(store.runs()).isEmpty();
        }
    }

    @Test
    void stopsAfterACancelDuringTheSingleRun() throws Exception {
        RunCancel cancel = new RunCancel();
        CompareListener cancelling = new CompareListener() {
            @Override
            public void trialStarted(io.kinefold.experiment.Trial trial, String worker) {
                cancel.cancel();
            }
        };
        try (Store store = Store.open(dir.resolve("t.db"))) {
            CompareWorkflow.Outcome outcome = new CompareWorkflow(new RunService(store), inProcess, cancel)
                    .run(prepared, WorkerChoice.fixed(2), new CompareWorkflow.Options(false, false), cancelling);

            assertThat(outcome.compared()).isFalse();
            assertThat(outcome.pool()).isNull();
            assertThat(outcome.single()).isNotNull();
            assertThat(store.comparisonOf(outcome.single().runId())).isEmpty();
        }
    }
}
