package io.kinefold.store;

import io.kinefold.data.ModelId;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import io.kinefold.kind.RepKind;
import io.kinefold.model.Metrics;
import java.nio.file.Path;
import java.util.Map;

/**
 * The child JVM of the crash test: records trials one after another and prints each key only
 * after {@link Store#recordTrial} returned, until it is killed. Never closes the store, like a
 * process that dies with {@code kill -9}.
 */
final class CrashingTrialWriter {
    private CrashingTrialWriter() {}

    /** Arguments: database file, run id, session id. */
    public static void main(String[] args) throws Exception {
        Store store = Store.open(Path.of(args[0]));
        long runId = Long.parseLong(args[1]);
        long sessionId = Long.parseLong(args[2]);
        // The cap and checkError() only keep a child whose parent is gone from running for ever.
        for (int i = 0; i < 1_000_000 && !System.out.checkError(); i++) {
            Trial trial = new Trial(RepKind.id("squat"), i / 10, Map.of("lstmUnits", 16.0), i % 10);
            store.recordTrial(runId, sessionId, TrialResult.succeeded(trial,
                    new Metrics(i / 1000.0, 0.5, new int[][] {{i, 1}, {2, 3}}, 0.25, 5, 90, 10), "main", 0.5));
            System.out.println(trial.key());
            System.out.flush();
        }
    }
}
