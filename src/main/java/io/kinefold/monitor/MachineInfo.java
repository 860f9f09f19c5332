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
}
