package io.kinefold.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.data.ModelId;
import io.kinefold.data.synth.DatasetGenerator;
import io.kinefold.exec.RunListener;
import io.kinefold.exec.RunOutcome;
import io.kinefold.exec.RunService;
import io.kinefold.exec.SingleProcessExecutor;
import io.kinefold.experiment.SpecIo;
import io.kinefold.experiment.Status;
import io.kinefold.kind.StartKind;
import io.kinefold.monitor.ResourceSample;
import io.kinefold.monitor.WorkerSample;
import io.kinefold.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real run, finished, in a store of its own: {@code start:squat} with two grid points on two
 * folds of a generated dataset, trained single-process, so the results view has a best grid point,
 * a runner-up and a confusion matrix to show.
 *
 * @param db the store
 * @param runId the finished run
 * @param prepared its spec and dataset, for what the tests check against
 */
record FinishedRun(Path db, long runId, RunService.Prepared prepared) {
    static final ModelId MODEL = StartKind.id("squat");
    private static final double MIB = 1024.0 * 1024.0;

    static FinishedRun make(Path dir) throws Exception {
        return make(dir, 4, """
                {"format":"kinefold-experiment/1","name":"results-test","folds":2,"seed":5,
                 "models":[{"model":"start:squat","grid":{"units":[8,16],"epochs":[1],"batchSize":[256]}}]}""");
    }

    /**
     * A run whose trials stopped early, so that every fold has a training and a validation loss by
     * epoch and kept one of them: {@code start:squat} over units 8 and 16 by centring neck and hip,
     * up to 30 epochs, on two folds.
     */
    static FinishedRun makeWithCurves(Path dir) throws Exception {
        return make(dir, 6, """
                {"format":"kinefold-experiment/1","name":"curves-test","folds":2,"seed":5,
                 "earlyStopping":{"patience":2,"validationFraction":0.2},
                 "models":[{"model":"start:squat","grid":{"units":[8,16],"centring":[0,1],"epochs":[30],"batchSize":[64]}}]}""");
    }

    private static FinishedRun make(Path dir, int subjects, String spec) throws Exception {
        Path dataset = dir.resolve("ds");
        DatasetGenerator.generate(dataset, new DatasetGenerator.Options(subjects, 5, 3, 15));
        Path specFile = dir.resolve("spec.json");
        Files.writeString(specFile, spec);
        Path db = dir.resolve("results.db");
        try (Store store = Store.open(db)) {
            RunService service = new RunService(store);
            RunService.Prepared prepared = RunService.prepare(SpecIo.read(specFile), dataset, Path.of("."));
            long run = service.createRun(prepared, "single", 1);
            RunOutcome outcome = service.execute(run, prepared, SingleProcessExecutor::new, RunListener.NONE);
            assertThat(outcome.status()).isEqualTo(Status.SUCCEEDED);
            return new FinishedRun(db, run, prepared);
        }
    }

    /** Two stored runs of the same spec, never executed, and a comparison of them with samples of both. */
    long[] storeComparison() throws Exception {
        return storeComparison("""
                {"model":"start:squat","gridPoint":0,"hyperparameters":{"units":8},"singleSeconds":9.5,
                 "multiSeconds":10.75,"multiOverSingle":1.1316},
                {"model":"start:squat","gridPoint":1,"hyperparameters":{"units":16},"singleSeconds":9.75,
                 "multiSeconds":11.25,"multiOverSingle":1.1538}""");
    }

    /** As {@link #storeComparison()}, its per-grid-point timings listing {@code points} grid points. */
    long[] storeComparison(int points) throws Exception {
        List<String> timings = new ArrayList<>();
        for (int g = 0; g < points; g++) {
            timings.add(String.format(java.util.Locale.ROOT, """
                    {"model":"start:squat","gridPoint":%d,"hyperparameters":{"units":%d},"singleSeconds":%.2f,
                     "multiSeconds":%.2f,"multiOverSingle":1.1}""", g, 8 << g, 9.5 + g, 10.45 + 1.1 * g));
        }
        return storeComparison(String.join(",", timings));
    }

    private long[] storeComparison(String perGridPoint) throws Exception {
        try (Store store = Store.open(db)) {
            RunService service = new RunService(store);
            long single = service.createRun(prepared, "compare-single", 1);
            long pool = service.createRun(prepared, "compare-pool", 2);
            store.recordSamples(single, rows(single, samples(1, 10)));
            store.recordSamples(pool, rows(pool, samples(2, 6)));
            store.recordComparison(single, pool, """
                    {"spec":"results-test","trials":4,
                     "single":{"runId":%d,"workers":1,"wallSeconds":20.5,"trialSeconds":19.25,"peakRssMb":410,
                               "sumOfWorkerPeakRssMb":410},
                     "multi":{"runId":%d,"workers":2,"wallSeconds":12.0,"trialSeconds":22.0,"peakRssMb":380,
                              "sumOfWorkerPeakRssMb":760},
                     "speedup":1.7083,"efficiency":0.854,"identicalMetrics":true,"differingTrials":0,
                     "reference":{"processes":2,"speedup":1.9,"efficiency":0.95},"speedupOfReference":0.899,
                     "perGridPoint":[%s]}""".formatted(single, pool, perGridPoint));
            return new long[] {single, pool};
        }
    }

    static List<ResourceSample> samples(int workers, int count) {
        List<ResourceSample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, WorkerSample> ws = new java.util.TreeMap<>();
            for (int w = 1; w <= workers; w++) {
                ws.put("w" + w, new WorkerSample(1000 + w, 0.9, (long) ((300 + 10 * i) * MIB)));
            }
            samples.add(new ResourceSample(1_700_000_000_000L + 1000L * i, 0.45 * workers, new double[] {0.9, 0.1},
                    (long) (4000 * MIB), (long) (16000 * MIB), 0, ws));
        }
        return samples;
    }

    private static List<io.kinefold.monitor.ResourceSampleRow> rows(long run, List<ResourceSample> samples) {
        List<io.kinefold.monitor.ResourceSampleRow> rows = new ArrayList<>();
        samples.forEach(s -> rows.addAll(s.toRows(run)));
        return rows;
    }
}
