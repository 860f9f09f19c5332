package io.kinefold.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.data.ModelKind;
import io.kinefold.experiment.Status;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import io.kinefold.kind.Kinds;
import io.kinefold.kind.PoseKind;
import io.kinefold.kind.StillPoseKind;
import io.kinefold.model.FeedForwardParams;
import io.kinefold.model.Trainer;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adding a model kind is one class and a registration: {@link StillPoseKind}, defined only in the
 * tests, is planned, gridded, cut, costed, estimated and trained by the engine as it stands.
 */
@Tag("slow")
class NewKindTest {
    @TempDir
    Path dir;

    @Test
    void aKindThatIsOneClassIsPlannedCutAndTrained() throws Exception {
        Path dataset = PoolFixture.dataset(dir);
        try (Kinds.Registration registration = Kinds.register(new StillPoseKind())) {
            RunService.Prepared prepared = PoolFixture.prepare(dataset, """
                    [{"model":"still","grid":{"units":[8,16],"epochs":[1],"batchSize":[256]}}]""");

            assertThat(prepared.plan().models()).singleElement().satisfies(m -> {
                assertThat(m.model()).isEqualTo(StillPoseKind.ID);
                assertThat(m.points()).extracting(p -> ((FeedForwardParams) p).units()).containsExactly(8, 16);
            });
            assertThat(prepared.plan().trials()).hasSize(2 * 3 + 2 * 3); // grid points and baselines
            assertThat(Kinds.models(prepared.dataset())).contains(StillPoseKind.ID);

            int still = prepared.workload().samples(StillPoseKind.ID);
            int pose = PoseKind.frames(prepared.dataset(), PoseKind.id()).size();
            assertThat(still).isPositive().isLessThan(pose);
            assertThat(prepared.workload().classes(StillPoseKind.ID)).isEqualTo(prepared.dataset().exercises());

            Trial trial = prepared.plan().trials().get(0);
            assertThat(TrialCost.estimate(trial, still)).isPositive();
            assertThat(RunEstimate.Calibration.defaults().secondsPerUnit()).containsEntry(StillPoseKind.KIND, 1e-4);

            Trainer.useOneNativeThread();
            TrialResult result = TrialRunner.run(prepared.workload(), trial, SingleProcessExecutor.WORKER, () -> false);
            assertThat(result.status()).as(result.error()).isEqualTo(Status.SUCCEEDED);
            int exercises = prepared.dataset().exercises().size();
            assertThat(result.metrics().confusion()).hasDimensions(exercises, exercises);
        }
        assertThat(Kinds.find(new ModelKind("still"))).isEmpty();
    }
}
