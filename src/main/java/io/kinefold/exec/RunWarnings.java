package io.kinefold.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What makes a run's timings misleading, said before the work and in plain words with what it
 * means for the timings: more workers than cores, more than memory holds, a machine already busy
 * before a comparison, a reference measured below what N processes should get, and a pool that
 * beat its reference. The command line prints these on stderr; the run view shows them.
 */
public final class RunWarnings {
    /** Load of other processes, as a share of the whole machine, above which a comparison is warned of. */
    public static final double BUSY_LOAD = 0.25;
    /** A reference below this share of N× says the cores were not free (or are shared hyperthreads). */
    public static final double LOW_REFERENCE = 0.8;
    /** A pool above this share of its reference says the reference was measured low. */
    public static final double ABOVE_REFERENCE = 1.05;

    private RunWarnings() {}

    /**
     * Before a run of {@code workers} workers on this machine, each taking about {@code footprintBytes}.
     *
     * @param compare whether the run is a comparison, whose speedup a busy machine falsifies
     */
    public static List<String> before(int workers, boolean compare, MachineState machine, long footprintBytes) {
        List<String> warnings = new ArrayList<>();
        if (workers > machine.cores()) {
            warnings.add(String.format(Locale.ROOT, "%d workers on %d %s: they take turns on the cores, so trials run "
                    + "about %.1f× slower each and the pool cannot be faster than %d workers would be",
                    workers, machine.cores(), machine.cores() == 1 ? "core" : "cores",
                    workers / (double) machine.cores(), machine.cores()));
        }
        long usable = Math.max(0, machine.availableBytes() - WorkerCount.HEADROOM);
        long needed = workers * footprintBytes;
        if (workers > 1 && needed > usable) {
            warnings.add(String.format(Locale.ROOT, "%d workers need about %.1f GB, but only %.1f GB is free beyond the "
                    + "%.0f GB kept for the system: the machine may swap, which makes every timing meaningless, "
                    + "or the pool starts fewer workers", workers, needed / 1e9, usable / 1e9, WorkerCount.HEADROOM / 1e9));
        }
        if (compare) {
            String busy = busy(machine.cpuLoad());
            if (busy != null) {
                warnings.add(busy);
            }
        }
        return warnings;
    }

    /** The warning for a machine whose other processes use {@code cpuLoad} (0..1) of it; null when it is quiet enough or unknown. */
    public static String busy(double cpuLoad) {
        if (!(cpuLoad > BUSY_LOAD)) {
            return null;
        }
        return String.format(Locale.ROOT, "The machine is already busy: other processes use %.0f %% of its CPU before the "
                + "comparison starts. Both runs compete with them, so times are longer and the speedup lower than on a quiet "
                + "machine, and they vary from run to run", 100 * cpuLoad);
    }

    /** The warning for a reference below {@value #LOW_REFERENCE} × N; null when it looks sound. */
    public static String ofReference(CpuReference reference) {
        if (reference.processes() < 2 || reference.speedup() >= LOW_REFERENCE * reference.processes()) {
            return null;
        }
        return String.format(Locale.ROOT, "The reference is low: %d plain CPU-bound processes got %.2f×, below %.1f× "
                + "(%.0f %% of %d). The cores were busy or shared while it was measured, so the pool's share of it is "
                + "unreliable", reference.processes(), reference.speedup(), LOW_REFERENCE * reference.processes(),
                100 * LOW_REFERENCE, reference.processes());
    }

    /**
     * The warning for a pool that reached more than its reference ({@value #ABOVE_REFERENCE} × of it):
     * the reference was measured on a busier machine than the runs, so it is no yardstick. Null otherwise.
     */
    public static String ofComparison(ComparisonResult result) {
        Double share = result.speedupOfReference();
        if (share == null || share <= ABOVE_REFERENCE) {
            return null;
        }
        return String.format(Locale.ROOT, "The reference is unreliable: the pool reached %.0f %% of it, more than plain "
                + "processes got. The machine was busier while the reference was measured than during the runs; "
                + "judge the pool by its speedup over the single process instead", 100 * share);
    }
}
