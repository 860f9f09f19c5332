package io.kinefold.monitor;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Hands freed native memory back to the operating system. ND4J allocates and frees many
 * short-lived buffers through malloc; glibc keeps what was freed in its arenas, so without a
 * trim the resident size of a process climbs to its high-water mark and stays there.
 */
public final class NativeMemory {
    private interface CLibrary extends Library {
        int malloc_trim(long pad);
    }

    private static final CLibrary LIBC = load();

    private NativeMemory() {}

    private static CLibrary load() {
        if (!Platform.isLinux()) {
            return null;
        }
        try {
            return Native.load("c", CLibrary.class);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null; // not glibc (musl, say): nothing to trim
        }
    }

    /** Collects garbage (which frees the native buffers of dead arrays), then trims malloc's arenas. */
    public static void release() {
        System.gc();
        if (LIBC != null) {
            try {
                LIBC.malloc_trim(0);
            } catch (UnsatisfiedLinkError e) {
                // malloc_trim is glibc's; elsewhere the collection above is all we can do
            }
        }
    }
}
