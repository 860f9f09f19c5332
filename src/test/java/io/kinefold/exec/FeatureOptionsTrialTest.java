package io.kinefold.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.data.DatasetSnapshot;
import io.kinefold.data.ModelId;
import io.kinefold.data.Skeleton;
import io.kinefold.experiment.Status;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import io.kinefold.experiment.Workload;
import io.kinefold.kind.Kinds;
import io.kinefold.model.DataBlock;
import io.kinefold.model.Trainer;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trial of every kind with every feature option on: wider frames reach the network, it trains,
 * and a worker's copy of the dataset (the snapshot) gives the same blocks.
 * Slow (it generates a dataset and trains three trials, some 13 s), like {@link NewKindTest}.
 */
@Tag("slow")
class FeatureOptionsTrialTest {
    @TempDir
    Path dir;

    @Test
    void aTrialOfEachKindTrainsWithEveryFeatureOptionOn() throws Exception {
        RunService.Prepared prepared = PoolFixture.prepare(PoolFixture.dataset(dir), """
                [{"model":"pose","grid":{"units":[8],"epochs":[2],"batchSize":[256],
                                         "centring":["neck","hip"],"velocities":["on"],"angles":["on"]}},
                 {"model":"start:squat","grid":{"units":[8],"epochs":[2],"batchSize":[256],
                                         "centring":["none"],"velocities":["on"],"angles":["on"]}},
                 {"model":"rep:squat","grid":{"lstmUnits":[8],"sequenceLength":[24],"epochs":[2],"batchSize":[32],
                                         "centring":["hip"],"velocities":["on"],"angles":["on"]}}]""");
        Workload workload = prepared.workload();
        Workload inWorker = new Workload(DatasetSnapshot.fromBytes(DatasetSnapshot.of(prepared.dataset()).toBytes()).toDataset(),
                prepared.spec());
        int wide = 2 * Skeleton.FEATURES + Skeleton.ANGLES.length;

        Trainer.useOneNativeThread();
        for (ModelId model : java.util.List.of(new ModelId(io.kinefold.kind.PoseKind.KIND, null),
                io.kinefold.kind.StartKind.id("squat"), io.kinefold.kind.RepKind.id("squat"))) {
            Trial trial = prepared.plan().trials().stream().filter(t -> t.model().equals(model)).findFirst().orElseThrow();
            DataBlock block = workload.data(trial).train();
            assertThat(block.features()).as(model + " features").isEqualTo(wide);
            int steps = Math.max(1, block.timeSteps());
            assertThat(block.rows()[0]).hasSize(steps * wide);
            assertThat(inWorker.data(trial).train().rows()).as(model + " in a worker").isDeepEqualTo(block.rows());
            assertThat(Kinds.of(model).hyperparameters(trial.params()).features().count()).isEqualTo(wide);

            TrialResult result = TrialRunner.run(workload, trial, SingleProcessExecutor.WORKER, () -> false);
            assertThat(result.status()).as(result.error()).isEqualTo(Status.SUCCEEDED);
            assertThat(Double.isFinite(result.metrics().accuracy())).isTrue();
        }
        assertThat(inWorker.fingerprint()).isEqualTo(workload.fingerprint());
    }
}
