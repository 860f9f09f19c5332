package io.kinefold.exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinefold.data.synth.DatasetGenerator;
import io.kinefold.experiment.SpecIo;
import io.kinefold.store.Store;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A comparison of two in-process runs: the document, what it finds, and that it is stored. */
@Tag("slow")
class ComparerTest {
    @TempDir
    Path dir;

    @Test
    void comparesTwoRunsOfTheSameSpecAndStoresTheDocument() throws Exception {
        Path dataset = dir.resolve("ds");
        DatasetGenerator.generate(dataset, new DatasetGenerator.Options(4, 5, 3, 30));
        var spec = SpecIo.parse("""
                {"format":"kinefold-experiment/1","name":"compare-test","folds":3,"seed":3,
                 "models":[{"model":"start:squat","grid":{"units":[8,16],"epochs":[2],"batchSize":[256]}}]}""", "test");
        try (Store store = Store.open(dir.resolve("t.db"))) {
            RunService.Prepared prepared = RunService.prepare(spec, dataset, Path.of("."));
            Comparer comparer = new Comparer(new RunService(store), prepared);
            Comparer.ModeRun single = comparer.run(Comparer.SINGLE_MODE, 1, SingleProcessExecutor::new, RunListener.NONE);
            Comparer.ModeRun pool = comparer.run(Comparer.POOL_MODE, 1, SingleProcessExecutor::new, RunListener.NONE);
            assertThat(single.succeeded()).isTrue();
            assertThat(pool.succeeded()).isTrue();

            ComparisonResult document = comparer.record(single, pool, null,
                    List.of(ComparisonResult.ScalingPoint.of(1, 10, 10), ComparisonResult.ScalingPoint.of(2, 4, 10)));

            assertThat(document.trials()).isEqualTo(12); // 6 of networks, 6 of baselines
            assertThat(document.identicalMetrics()).isTrue();
            assertThat(document.differingTrials()).isZero();
            assertThat(document.reference()).isNull();
            assertThat(document.perGridPoint()).hasSize(2 + 2);
            assertThat(document.scaling()).hasSize(2);
            JsonNode stored = SpecIo.MAPPER.readTree(store.comparisonOf(pool.runId()).orElseThrow());
            assertThat(stored.path("single").path("runId").asLong()).isEqualTo(single.runId());
            assertThat(stored.path("multi").path("runId").asLong()).isEqualTo(pool.runId());
            assertThat(stored.path("scaling").get(1).path("efficiency").asDouble()).isEqualTo(1.25);
            assertThat(store.comparisonOf(single.runId())).isPresent();
        }
    }
}
