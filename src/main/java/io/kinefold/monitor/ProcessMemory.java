package io.kinefold.monitor;

import oshi.SystemInfo;
import oshi.software.os.OSProcess;

/** Resident memory of this process, Java heap and native buffers alike. */
public final class ProcessMemory {
    private static final SystemInfo SYSTEM = new SystemInfo();

    private ProcessMemory() {}

    /** Resident set size in bytes, or -1 where the OS does not tell. */
    public static long residentBytes() {
        OSProcess self = SYSTEM.getOperatingSystem().getCurrentProcess();
        return self == null ? -1 : self.getResidentSetSize();
    }
}
