package io.kinefold.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.data.synth.DatasetGenerator;
import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.RunReport;
import io.kinefold.experiment.SpecIo;
import io.kinefold.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stored run's report needs only the store: the dataset may move after the run. */
@Tag("slow")
class RunServiceTest {
    @TempDir
    Path dir;

    @Test
    void reportsARunWhoseDatasetHasMovedFromWhatTheRunStored() throws Exception {
        Path dataset = dir.resolve("ds");
        DatasetGenerator.generate(dataset, new DatasetGenerator.Options(4, 5, 3, 30));
        var spec = SpecIo.parse("""
                {"format":"kinefold-experiment/1","name":"moved","folds":2,"seed":3,
                 "models":[{"model":"start:*","grid":{"units":[8,16],"epochs":[1],"batchSize":[256]}},
                           {"model":"pose","grid":{"units":[8],"epochs":[1],"batchSize":[256]}}]}""", "test");
        try (Store store = Store.open(dir.resolve("t.db"))) {
            RunService service = new RunService(store);
            RunService.Prepared prepared = RunService.prepare(spec, dataset, Path.of("."));
            long run = service.createRun(prepared, "single", 1);
            service.execute(run, prepared, SingleProcessExecutor::new, RunListener.NONE);
            RunReport before = service.report(run);

            Files.move(dataset, dir.resolve("elsewhere"));
            RunReport after = service.report(run);

            assertThat(after.models()).hasSize(prepared.plan().models().size());
            assertThat(after.models()).extracting(m -> m.model().toString())
                    .containsExactlyElementsOf(before.models().stream().map(m -> m.model().toString()).toList());
            for (int i = 0; i < before.models().size(); i++) {
                ModelSummary b = before.models().get(i);
                ModelSummary a = after.models().get(i);
                assertThat(a.classes()).isEqualTo(b.classes());
                assertThat(a.majorityRate()).isEqualTo(b.majorityRate());
                assertThat(a.best()).isEqualTo(b.best());
                assertThat(a.points()).extracting(p -> p.accuracy().mean())
                        .containsExactlyElementsOf(b.points().stream().map(p -> p.accuracy().mean()).toList());
            }
        }
    }
}
