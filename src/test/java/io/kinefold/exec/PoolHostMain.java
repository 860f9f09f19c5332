package io.kinefold.exec;

import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The app of the "app killed" test: runs a pool of two on long trials and, once both workers
 * run a trial, prints {@code PID <n>} for each worker and then {@code WORKERS RUNNING}.
 * Argument: the dataset folder.
 */
final class PoolHostMain {
    static final String LONG_MODELS = """
            [{"model":"rep:squat","grid":{"lstmUnits":[64],"sequenceLength":[48],"epochs":[1000],"batchSize":[8]}}]""";
    static final String RUNNING = "WORKERS RUNNING";

    private PoolHostMain() {}

    public static void main(String[] args) throws Exception {
        // A host whose test is gone must not run on: the test holds our stdin open.
        Thread guard = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // nothing is ever sent
                }
            } catch (IOException e) {
                // closed either way
            }
            Runtime.getRuntime().halt(1);
        }, "host-guard");
        guard.setDaemon(true);
        guard.start();

        RunService.Prepared prepared = PoolFixture.prepare(Path.of(args[0]), LONG_MODELS);
        PoolExecutor pool = new PoolExecutor(prepared.workload(), PoolExecutor.Options.of(2, false)).startingEveryWorkerAtOnce();
        Set<String> busy = new HashSet<>();
        pool.execute(prepared.plan().trials(), new ExecutionListener() {
            @Override
            public void trialStarted(Trial trial, String worker) {
                if (busy.add(worker) && busy.size() == 2) {
                    pool.workerPids().values().forEach(pid -> System.out.println("PID " + pid));
                    System.out.println(RUNNING);
                    System.out.flush();
                }
            }

            @Override
            public void trialFinished(TrialResult result) {}
        });
    }
}
