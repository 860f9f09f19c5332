package io.kinefold.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;

/** Resident memory of this process, Java heap and native buffers alike. */
public final class ProcessMemory {
    private static final SystemInfo SYSTEM = new SystemInfo();

    private ProcessMemory() {}

    private static final Path STATM = Path.of("/proc/self/statm");
    private static final long PAGE_BYTES = 4096;

    /** Resident set size in bytes, or -1 where the OS does not tell. */
    public static long residentBytes() {
        if (Files.isReadable(STATM)) {
            // One small read, cheap enough to take after every trial: "size resident shared ..." in pages.
            try {
                String[] fields = Files.readString(STATM).trim().split(" ");
                return Long.parseLong(fields[1]) * PAGE_BYTES;
            } catch (IOException | RuntimeException e) {
                // fall through to OSHI
            }
        }
        OSProcess self = SYSTEM.getOperatingSystem().getCurrentProcess();
        return self == null ? -1 : self.getResidentSetSize();
    }
}
