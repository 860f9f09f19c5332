package io.kinefold.ui.history;

import io.kinefold.data.ModelId;
import io.kinefold.experiment.ModelFacts;
import io.kinefold.experiment.Provenance;
import io.kinefold.experiment.SpecIo;
import io.kinefold.experiment.Status;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import io.kinefold.model.Metrics;
import io.kinefold.monitor.ResourceSample;
import io.kinefold.monitor.ResourceSampleRow;
import io.kinefold.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Two stored runs made by hand, no dataset and no training needed, as different as History has to
 * show them: {@code a-small} (run {@link #small}: 2 folds, seed 5, {@code start:squat} units 8/16,
 * single process, succeeded in 20 s) and {@code b-wider} (run {@link #wider}: seed 9, units 8/16/32, a
 * pool of 2, cancelled after 4 of its 10 trials in 10 s), each with machine samples.
 */
record NotebookRuns(Path db, long small, long wider) {
    static final ModelId MODEL = ModelId.parse("start:squat");
    private static final Provenance PROVENANCE =
            new Provenance("test", "17", "1.0", "linux", "cpu", 2, 1L << 30, "fp");

    static NotebookRuns make(Path db) throws Exception {
        try (Store store = Store.open(db)) {
            long small = run(store, "a-small", 5, "8, 16", "single", 1, 8, 20, Status.SUCCEEDED,
                    List.of(ok(0, 0, 0.70), ok(0, 1, 0.74), ok(1, 0, 0.80), ok(1, 1, 0.84),
                            ok(-1, 0, 0.60), ok(-1, 1, 0.60), ok(-2, 0, 0.66), ok(-2, 1, 0.70)), 0.25);
            long wider = run(store, "b-wider", 9, "8, 16, 32", "pool", 2, 10, 10, Status.CANCELLED,
                    List.of(ok(2, 0, 0.90), ok(2, 1, 0.92), ok(-1, 0, 0.60), ok(-1, 1, 0.60)), 0.75);
            return new NotebookRuns(db, small, wider);
        }
    }

    private static long run(Store store, String name, long seed, String units, String mode, int workers, int trials,
                            double wall, Status status, List<Done> results, double cpu) throws Exception {
        long experiment = store.createExperiment(SpecIo.parse("""
                {"format":"kinefold-experiment/1","name":"%s","dataset":"datasets/demo","folds":2,"seed":%d,
                 "models":[{"model":"start:squat","grid":{"units":[%s],"epochs":[1]}}]}""".formatted(name, seed, units),
                name));
        long run = store.createRun(experiment, mode, workers, "/data/" + name.substring(2) + "-set", PROVENANCE, trials);
        store.recordRunModels(run, List.of(new ModelFacts(MODEL, List.of("other", "start"), 0.6)));
        long session = store.startSession(run);
        for (Done r : results) {
            store.recordTrial(run, session, r.result());
        }
        long start = store.run(run).orElseThrow().started().toEpochMilli();
        List<ResourceSampleRow> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.addAll(new ResourceSample(start + 1000L * (i + 1), cpu, new double[] {cpu, cpu}, (1000L + i) << 20,
                    4096L << 20, 0, Map.of()).toRows(run));
        }
        store.recordSamples(run, rows);
        store.endSession(session, wall);
        store.setRunStatus(run, status);
        return run;
    }

    private static Done ok(int gridPoint, int fold, double accuracy) {
        return new Done(gridPoint, fold, accuracy);
    }

    /** A trial that succeeded with the accuracy; a negative grid point is a baseline's. */
    private record Done(int gridPoint, int fold, double accuracy) {
        TrialResult result() {
            Map<String, Double> params = gridPoint < 0 ? Map.of() : Map.of("units", 8.0 * (1 << gridPoint), "epochs", 1.0);
            return TrialResult.succeeded(new Trial(MODEL, gridPoint, params, fold),
                    new Metrics(accuracy, accuracy, new int[][] {{3, 1}, {1, 3}}, 1, 1, 8, 8), "w1", 1);
        }
    }
}
