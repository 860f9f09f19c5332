package io.kinefold.monitor;

import oshi.SystemInfo;

/** What the machine is, for provenance and for choosing a worker count. */
public final class MachineInfo {
    private static final SystemInfo SYSTEM = new SystemInfo();

    private MachineInfo() {}

    public static String cpuModel() {
        return SYSTEM.getHardware().getProcessor().getProcessorIdentifier().getName().strip();
    }

    public static int logicalCores() {
        return SYSTEM.getHardware().getProcessor().getLogicalProcessorCount();
    }

    public static long totalMemoryBytes() {
        return SYSTEM.getHardware().getMemory().getTotal();
    }

    public static long availableMemoryBytes() {
        return SYSTEM.getHardware().getMemory().getAvailable();
    }

    /**
     * The machine's CPU load, 0..1, over the next {@code millis} milliseconds (the caller waits that
     * long); NaN when it cannot be read.
     */
    public static double cpuLoad(long millis) {
        try {
            double load = SYSTEM.getHardware().getProcessor().getSystemCpuLoad(millis);
            return load >= 0 ? Math.min(1, load) : Double.NaN;
        } catch (RuntimeException | LinkageError e) {
            return Double.NaN;
        }
    }
}
