package io.kinefold.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kinefold.data.ModelId;
import io.kinefold.data.ModelKind;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.ModelGrid;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import io.kinefold.store.Store;
import java.nio.file.Path;
import io.kinefold.monitor.ResourceSample;
import io.kinefold.monitor.WorkerSample;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WholeRunDataTest {
    static final ModelKind POSE = new ModelKind("pose");
    static final long START = 1_700_000_000_000L;
    static final long MIB = 1024 * 1024;

    static ResourceSample sample(double seconds, Map<String, WorkerSample> workers) {
        return new ResourceSample(START + Math.round(seconds * 1000), 0.5, new double[] {0.25, 0.75}, 4096 * MIB,
                8192 * MIB, 0, workers);
    }

    static Map<String, WorkerSample> workers(Object... nameAndPid) {
        Map<String, WorkerSample> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndPid.length; i += 2) {
            m.put((String) nameAndPid[i], new WorkerSample(((Number) nameAndPid[i + 1]).longValue(), 1.0, 256 * MIB));
        }
        return m;
    }

    @Test
    void placesSamplesAndTrialsInSecondsFromTheRunsStart() {
        WholeRunData d = WholeRunData.of(START - 2000, List.of(sample(0, workers("w1", 11)), sample(1, workers("w1", 11))),
                List.of(new WholeRunData.TrialSpan("w1", "pose#0/f0", POSE, 0.5, 4.5, false)));

        assertThat(d.machineCpu().times()).containsExactly(2.0, 3.0);
        assertThat(d.machineCpu().values()).containsExactly(50.0, 50.0);
        assertThat(d.cores()).extracting(WholeRunData.Line::name).containsExactly("core 0", "core 1");
        assertThat(d.cores().get(1).values()).containsExactly(75.0, 75.0);
        assertThat(d.memoryUsed().values()).containsExactly(4096.0, 4096.0);
        assertThat(d.memoryTotalMb()).isEqualTo(8192.0);
        assertThat(d.workerCpu().get(0).values()).containsExactly(100.0, 100.0);
        assertThat(d.workerRss().get(0).values()).containsExactly(256.0, 256.0);
        assertThat(d.duration()).isEqualTo(4.5);
    }

    @Test
    void keepsSeveralWorkersApartInTheOrderTheyAppeared() {
        WholeRunData d = WholeRunData.of(START, List.of(sample(0, workers("w2", 12)), sample(1, workers("w1", 11, "w2", 12)),
                sample(2, workers("w1", 11, "w2", 12, "w3", 13))), List.of(
                new WholeRunData.TrialSpan("w2", "a", POSE, 0, 1, false),
                new WholeRunData.TrialSpan("w1", "b", POSE, 1, 2, true)));

        assertThat(d.workerCpu()).extracting(WholeRunData.Line::name).containsExactly("w2", "w1", "w3");
        assertThat(d.workerRss()).extracting(WholeRunData.Line::name).containsExactly("w2", "w1", "w3");
        assertThat(d.workerCpu().get(1).times()).containsExactly(1.0, 2.0);
        assertThat(d.lanes()).containsExactly("w2", "w1");
        assertThat(d.workers()).containsExactly("w2", "w1", "w3");
    }

    @Test
    void breaksLinesAtGapsInsteadOfJoiningThem() {
        WholeRunData d = WholeRunData.of(START, List.of(sample(0, workers("w1", 11)), sample(1, workers()),
                sample(2, workers("w1", 11)), sample(3, workers("w1", 11)), sample(60, workers("w1", 11))), List.of());

        // the machine: one break, across the 57 s between sessions
        assertThat(d.machineCpu().breaks()).isEqualTo(1);
        assertThat(d.machineCpu().measured()).isEqualTo(5);
        assertThat(d.machineCpu().valueAt(3.0)).isEqualTo(50.0);
        assertThat(d.machineCpu().valueAt(40.0)).isNaN();
        // the worker: also where it was missing from the sample at 1 s
        assertThat(d.workerCpu().get(0).breaks()).isEqualTo(2);
        assertThat(d.workerCpu().get(0).measured()).isEqualTo(4);
        assertThat(d.workerCpu().get(0).valueAt(1.8)).isNaN();
    }

    @Test
    void aRecycledWorkersLineEndsAndItsSuccessorsBeginsAndANameOnANewProcessBreaks() {
        WholeRunData d = WholeRunData.of(START, List.of(sample(0, workers("w1", 11, "w2", 12)),
                sample(1, workers("w1", 11, "w2", 12)), sample(2, workers("w3", 13, "w2", 12)),
                sample(3, workers("w3", 13, "w2", 99))), List.of(
                new WholeRunData.TrialSpan("w1", "a", POSE, 0, 1.5, false),
                new WholeRunData.TrialSpan("w3", "b", POSE, 2, 3, false)));

        assertThat(d.workerCpu()).extracting(WholeRunData.Line::name).containsExactly("w1", "w2", "w3");
        assertThat(d.workerCpu().get(0).times()).containsExactly(0.0, 1.0);
        assertThat(d.workerCpu().get(2).times()).containsExactly(2.0, 3.0);
        // w2 came back with another pid at 3 s: a new process, not one line
        assertThat(d.workerCpu().get(1).breaks()).isEqualTo(1);
        assertThat(d.lanes()).containsExactly("w1", "w3");
    }

    @Test
    void aTrialThatEndsReplacesItsOpenBarAndARunningOneStretchesTheRunToNow() {
        WholeRunData.Builder b = new WholeRunData.Builder(START);
        b.trial(new WholeRunData.TrialSpan("w1", "a", POSE, 1, Double.NaN, false));
        assertThat(b.build(7).trials()).singleElement().satisfies(t -> assertThat(t.running()).isTrue());
        assertThat(b.build(7).duration()).isEqualTo(7);

        b.trial(new WholeRunData.TrialSpan("w1", "a", POSE, 1, 5, true));
        WholeRunData d = b.build(0);
        assertThat(d.trials()).singleElement().satisfies(t -> {
            assertThat(t.running()).isFalse();
            assertThat(t.failed()).isTrue();
        });
        assertThat(d.duration()).isCloseTo(5, within(1e-9));
    }

    @Test
    void readsAStoredRunFromItsSamplesAndTrialTimesOnTheRunsClock(@TempDir Path dir) throws Exception {
        try (Store store = Store.open(dir.resolve("t.db"))) {
            long experiment = store.createExperiment(new ExperimentSpec(ExperimentSpec.FORMAT, "stored", null, 3, 7, null,
                    List.of(new ModelGrid("pose", Map.of("units", List.of(8.0))))));
            long run = store.createRun(experiment, "pool", 2, "data", null, 2);
            long session = store.startSession(run);
            long started = store.run(run).orElseThrow().started().toEpochMilli();
            for (int s = 1; s <= 4; s++) {
                ResourceSample sample = new ResourceSample(started + s * 1000L, 0.5, new double[] {0.5}, 1024 * MIB,
                        2048 * MIB, 0, workers("w1", 11, "w2", 12));
                store.recordSamples(run, sample.toRows(run));
            }
            Trial trial = new Trial(ModelId.parse("pose"), 0, Map.of("units", 8.0), 0);
            long before = System.currentTimeMillis();
            store.recordTrial(run, session, TrialResult.failed(trial, "worker died", "w2", 1.5));
            long after = System.currentTimeMillis();

            WholeRunData d = WholeRunData.forStoredRun(store, run);

            assertThat(d.machineCpu().times()).containsExactly(1.0, 2.0, 3.0, 4.0);
            assertThat(d.workerCpu()).extracting(WholeRunData.Line::name).containsExactly("w1", "w2");
            assertThat(d.memoryTotalMb()).isEqualTo(2048.0);
            assertThat(d.trials()).singleElement().satisfies(t -> {
                assertThat(t.lane()).isEqualTo("w2");
                assertThat(t.trial()).isEqualTo(trial.key());
                assertThat(t.failed()).isTrue();
                assertThat(t.end() - t.start()).isCloseTo(1.5, within(1e-3));
                assertThat(t.end()).isBetween((before - started) / 1000.0, (after - started) / 1000.0);
            });
            assertThat(WholeRunData.forStoredRun(store, run + 1).isEmpty()).isTrue();
        }
    }

    @Test
    void anEmptyRunHasNoLinesAndNoTrials() {
        WholeRunData d = WholeRunData.empty();
        assertThat(d.isEmpty()).isTrue();
        assertThat(d.workerCpu()).isEmpty();
        assertThat(d.duration()).isZero();
    }
}
