package io.kinefold.exec;

import io.kinefold.monitor.MachineInfo;

/**
 * What the machine offers just before work starts: its cores, its free memory, and how busy other
 * processes keep it. The input of {@link RunWarnings}; tests make their own.
 *
 * @param cores logical cores
 * @param availableBytes memory free for new processes
 * @param cpuLoad the machine's CPU load, 0..1, measured while none of the run's processes ran; NaN when unknown
 */
public record MachineState(int cores, long availableBytes, double cpuLoad) {
    /** How long the load is measured before a comparison: long enough to see a busy neighbour, short enough not to wait for. */
    public static final long LOAD_MILLIS = 700;

    /** This machine now; waits {@value #LOAD_MILLIS} ms for the load. */
    public static MachineState now() {
        return new MachineState(MachineInfo.logicalCores(), MachineInfo.availableMemoryBytes(), MachineInfo.cpuLoad(LOAD_MILLIS));
    }

    /** This machine's cores and memory, without waiting for a load. */
    public static MachineState withoutLoad() {
        return new MachineState(MachineInfo.logicalCores(), MachineInfo.availableMemoryBytes(), Double.NaN);
    }
}
