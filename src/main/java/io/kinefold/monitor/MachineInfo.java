package io.kinefold.monitor;

import io.kinefold.AppInfo;
import io.kinefold.experiment.Provenance;
import oshi.SystemInfo;
import oshi.hardware.HardwareAbstractionLayer;

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

    public static HardwareAbstractionLayer hardware() {
        return SYSTEM.getHardware();
    }

    public static Provenance provenance(String datasetFingerprint) {
        return new Provenance(
                AppInfo.version(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                AppInfo.dl4jVersion(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                cpuModel(),
                logicalCores(),
                totalMemoryBytes(),
                datasetFingerprint);
    }
}
