package io.kinefold.exec;

import io.kinefold.data.synth.DatasetGenerator;
import io.kinefold.experiment.SpecIo;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A tiny dataset and spec, and a listener that remembers everything a pool reports. */
final class PoolFixture {
    /** Two feed-forward grid points and one LSTM point on three folds: nine trials of a second or less each. */
    static final String MODELS = """
            [{"model":"start:squat","grid":{"units":[8,16],"epochs":[2],"batchSize":[256]}},
             {"model":"rep:squat","grid":{"lstmUnits":[8],"sequenceLength":[24],"epochs":[3],"batchSize":[32]}}]""";

    private PoolFixture() {}

    static Path dataset(Path dir) throws Exception {
        Path dataset = dir.resolve("ds");
        DatasetGenerator.generate(dataset, new DatasetGenerator.Options(4, 5, 3, 30));
        return dataset;
    }

    static RunService.Prepared prepare(Path dataset, String models) throws Exception {
        String spec = """
                {"format":"kinefold-experiment/1","name":"pool-test","folds":3,"seed":11,"models":%s}""".formatted(models);
        return RunService.prepare(SpecIo.parse(spec, "test spec"), dataset, Path.of("."));
    }

    /** A launcher of a test main class, with the JVM options of real workers. */
    static WorkerLauncher launcherOf(Class<?> mainClass) {
        return new WorkerLauncher(WorkerLauncher.javaExecutable(), WorkerLauncher.classPath(), mainClass.getName());
    }

    static Map<String, TrialResult> byKey(List<TrialResult> results) {
        return results.stream().collect(Collectors.toMap(r -> r.trial().key(), Function.identity()));
    }

    /** Whether a process with this id still runs (a zombie not yet reaped counts as gone). */
    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Remembers every call; safe from the pool's threads. */
    static class Recorder implements PoolListener {
        final List<TrialResult> finished = new CopyOnWriteArrayList<>();
        final List<String> started = new CopyOnWriteArrayList<>();
        final List<String> messages = new CopyOnWriteArrayList<>();
        final List<WorkerInfo> workers = new CopyOnWriteArrayList<>();
        final Set<Long> pids = ConcurrentHashMap.newKeySet();

        @Override
        public void trialStarted(Trial trial, String worker) {
            started.add(trial.key() + "@" + worker);
        }

        @Override
        public void trialFinished(TrialResult result) {
            finished.add(result);
        }

        @Override
        public void message(String text) {
            messages.add(text);
        }

        @Override
        public void workerChanged(WorkerInfo worker) {
            workers.add(worker);
            pids.add(worker.pid());
        }

        Set<String> workerNames() {
            return workers.stream().map(WorkerInfo::name).collect(Collectors.toSet());
        }
    }
}
