package io.kinefold.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.data.synth.DatasetGenerator;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.SpecIo;
import io.kinefold.experiment.Status;
import io.kinefold.experiment.TrialResult;
import io.kinefold.store.Store;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed with SIGKILL halfway resumes to the results of an uninterrupted run. */
@Tag("slow")
class ResumeTest {
    @TempDir
    static Path dir;
    static Path dataset;
    static Path specFile;

    @BeforeAll
    static void smallDatasetAndSpec() throws Exception {
        dataset = dir.resolve("ds");
        DatasetGenerator.generate(dataset, new DatasetGenerator.Options(4, 5, 3, 30));
        specFile = dir.resolve("spec.json");
        Files.writeString(specFile, """
                {"format":"kinefold-experiment/1","name":"resume-test","folds":3,"seed":11,
                 "models":[{"model":"start:squat","grid":{"units":[8,16],"epochs":[2],"batchSize":[256]}},
                           {"model":"rep:squat","grid":{"lstmUnits":[8],"sequenceLength":[24],"epochs":[3],"batchSize":[32]}}]}""");
    }

    private static Map<String, TrialResult> byKey(List<TrialResult> results) {
        return results.stream().collect(Collectors.toMap(r -> r.trial().key(), Function.identity()));
    }

    @Test
    void resumesAKilledRunWithoutRunningAnyFinishedTrialAgain() throws Exception {
        ExperimentSpec spec = SpecIo.read(specFile);
        Map<String, TrialResult> reference;
        try (Store store = Store.open(dir.resolve("reference.db"))) {
            RunService service = new RunService(store);
            RunService.Prepared prepared = RunService.prepare(spec, dataset, Path.of("."));
            long run = service.createRun(prepared, "single", 1);
            RunOutcome outcome = service.execute(run, prepared, SingleProcessExecutor::new, RunListener.NONE);
            assertThat(outcome.status()).isEqualTo(Status.SUCCEEDED);
            reference = byKey(store.trialResults(run));
        }
        assertThat(reference).hasSize(9 + 12); // networks, then 2 models × 2 baselines × 3 folds

        Path db = dir.resolve("killed.db");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.kinefold.Main",
                "run", specFile.toString(), "--dataset", dataset.toString(), "--db", db.toString());
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.redirectErrorStream(true);
        Process child = pb.start();
        Pattern progress = Pattern.compile("^\\[(\\d+)/21]");
        int seen = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher m = progress.matcher(line);
                if (m.find() && (seen = Integer.parseInt(m.group(1))) >= 4) {
                    child.destroyForcibly(); // SIGKILL: no shutdown hook runs
                    break;
                }
            }
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).as("the child got halfway before it was killed").isEqualTo(4);

        try (Store store = Store.open(db)) {
            long run = store.runs().get(0).id();
            int before = store.succeededTrialKeys(run).size();
            assertThat(before).isBetween(4, 8);
            RunService service = new RunService(store);
            RunOutcome outcome = service.execute(run, service.prepareResume(run), SingleProcessExecutor::new, RunListener.NONE);
            assertThat(outcome.status()).isEqualTo(Status.SUCCEEDED);
            assertThat(outcome.ranNow()).isEqualTo(9 + 12 - before);
            assertThat(store.completions(run)).hasSize(9 + 12).allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
            Map<String, TrialResult> resumed = byKey(store.trialResults(run));
            assertThat(resumed.keySet()).isEqualTo(reference.keySet());
            resumed.forEach((key, r) -> {
                assertThat(r.metrics().accuracy()).as(key).isEqualTo(reference.get(key).metrics().accuracy());
                assertThat(r.metrics().macroF1()).as(key).isEqualTo(reference.get(key).metrics().macroF1());
                assertThat(r.metrics().confusion()).as(key).isDeepEqualTo(reference.get(key).metrics().confusion());
            });
        }
    }
}
