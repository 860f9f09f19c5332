package io.kinefold.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The warnings before the work, each from a simulated machine, reference or comparison. */
class RunWarningsTest {
    private static final long GB = 1_000_000_000L;
    private static final MachineState QUIET_TWO_CORES = new MachineState(2, 16 * GB, 0.05);

    @Test
    void warnsWhenWorkersExceedCores() {
        List<String> warnings = RunWarnings.before(4, false, QUIET_TWO_CORES, WorkerCount.INITIAL_FOOTPRINT);

        assertThat(warnings).singleElement().asString().startsWith("4 workers on 2 cores")
                .contains("2.0× slower").contains("cannot be faster than 2 workers");
    }

    @Test
    void warnsWhenWorkersExceedWhatMemoryHolds() {
        MachineState tight = new MachineState(8, 3 * GB, 0.05);

        List<String> warnings = RunWarnings.before(4, false, tight, WorkerCount.INITIAL_FOOTPRINT);

        assertThat(warnings).singleElement().asString().startsWith("4 workers need about 2.9 GB").contains("swap");
    }

    @Test
    void warnsWhenTheMachineIsBusyBeforeACompare() {
        MachineState busy = new MachineState(8, 16 * GB, 0.6);

        assertThat(RunWarnings.before(2, true, busy, WorkerCount.INITIAL_FOOTPRINT)).singleElement().asString()
                .startsWith("The machine is already busy: other processes use 60 %").contains("speedup lower");
        // a plain run's timings are not compared: no warning for it
        assertThat(RunWarnings.before(2, false, busy, WorkerCount.INITIAL_FOOTPRINT)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            0.05, false
            0.25, false
            0.26, true
            NaN,  false
            """)
    void callsTheMachineBusyOnlyAboveTheThreshold(double load, boolean warned) {
        assertThat(RunWarnings.busy(load) != null).isEqualTo(warned);
    }

    @Test
    void saysNothingOnAQuietMachineWithWorkersItHolds() {
        assertThat(RunWarnings.before(2, true, QUIET_TWO_CORES, WorkerCount.INITIAL_FOOTPRINT)).isEmpty();
    }

    @Test
    void warnsOfAReferenceMeasuredBelowWhatNProcessesShouldGet() {
        // 2 processes, each took as long together as alone times 2.02: 0.99×
        CpuReference low = new CpuReference(2, 2.0, 4.04);
        CpuReference sound = new CpuReference(2, 2.0, 2.1);

        assertThat(RunWarnings.ofReference(low)).startsWith("The reference is low: 2 plain CPU-bound processes got 0.99×")
                .contains("unreliable");
        assertThat(RunWarnings.ofReference(sound)).isNull();
    }

    @Test
    void warnsThatTheReferenceIsUnreliableWhenThePoolBeatsIt() {
        ComparisonResult beaten = new ComparisonResult("s", 10, null, null, 1.22, 0.61, true, 0, null, 1.23, null, null);
        ComparisonResult within = new ComparisonResult("s", 10, null, null, 1.6, 0.8, true, 0, null, 0.9, null, null);
        ComparisonResult without = new ComparisonResult("s", 10, null, null, 1.6, 0.8, true, 0, null, null, null, null);

        assertThat(RunWarnings.ofComparison(beaten)).startsWith("The reference is unreliable: the pool reached 123 % of it");
        assertThat(RunWarnings.ofComparison(within)).isNull();
        assertThat(RunWarnings.ofComparison(without)).isNull();
    }

    @Test
    void cancelStopsTheReferenceMeasurementPromptly() throws Exception {
        RunCancel cancel = new RunCancel();
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(700);
            } catch (InterruptedException e) {
                return;
            }
            cancel.cancel();
        });
        canceller.start();
        long start = System.nanoTime();
        // far more work than the cancel waits for: minutes when not stopped
        Throwable thrown = null;
        try {
            CpuReference.measure(2, 20_000, cancel);
        } catch (InterruptedException e) {
            thrown = e;
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(thrown).isInstanceOf(InterruptedException.class);
        assertThat(seconds).isLessThan(5);
    }
}
