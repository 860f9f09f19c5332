package io.kinefold.monitor;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Structure;
import java.util.function.LongSupplier;

/**
 * Hands freed native memory back to the operating system. ND4J allocates and frees many
 * short-lived buffers through malloc; glibc keeps what was freed in its arenas, so without a
 * trim the resident size of a process climbs to its high-water mark and stays there.
 */
public final class NativeMemory {
    private interface CLibrary extends Library {
        int malloc_trim(long pad);

        MallInfo2.ByValue mallinfo2();
    }

    /** glibc's {@code struct mallinfo2} (2.33 and later): every field a {@code size_t}. */
    @Structure.FieldOrder({"arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks",
        "keepcost"})
    public static class MallInfo2 extends Structure {
        public long arena;
        public long ordblks;
        public long smblks;
        public long hblks;
        public long hblkhd;
        public long usmblks;
        public long fsmblks;
        public long uordblks;
        public long fordblks;
        public long keepcost;

        public static class ByValue extends MallInfo2 implements Structure.ByValue {}
    }

    private static final CLibrary LIBC = load();

    /** Growth of resident memory since the last collection that makes the next one worth its cost. */
    public static final long GROWTH_BYTES = Long.getLong("kinefold.worker.collectAfterMb", 64) << 20;

    private static long baseline = -1;
    private static int collections;

    private NativeMemory() {}

    /**
     * Collects and trims only when this process has grown by more than {@link #GROWTH_BYTES} since
     * the last collection (or since the first call), counted from the smallest it was since. A forced collection costs tens of
     * milliseconds, more than a small trial; after every trial it was most of the overhead.
     *
     * @return whether it collected
     */
    public static boolean releaseIfGrown() {
        return releaseIfGrown(ProcessMemory::residentBytes);
    }

    /** {@link #releaseIfGrown()} with the resident size read from {@code residentBytes}: tests feed it sizes. */
    static synchronized boolean releaseIfGrown(LongSupplier residentBytes) {
        long rss = residentBytes.getAsLong();
        if (rss < 0) {
            release(); // cannot tell growth: collect, as before
            collections++;
            return true;
        }
        if (baseline < 0) {
            baseline = rss;
            return false;
        }
        if (rss - baseline <= GROWTH_BYTES) {
            // Growth counts from the smallest size since the last collection: memory the JVM gave
            // back meanwhile must not hide what grew after it.
            baseline = Math.min(baseline, rss);
            return false;
        }
        release();
        collections++;
        baseline = residentBytes.getAsLong();
        return true;
    }

    /**
     * Bytes malloc has handed out and not had back in this process: ND4J's arrays and libnd4j's
     * work buffers above all (the JVM's heap, metaspace and code are mapped, not malloc'ed); -1
     * where glibc does not tell.
     */
    public static long mallocInUseBytes() {
        if (LIBC == null) {
            return -1;
        }
        try {
            MallInfo2 info = LIBC.mallinfo2();
            return info.uordblks + info.hblkhd;
        } catch (UnsatisfiedLinkError e) {
            return -1; // glibc before 2.33
        }
    }

    /** Collections {@link #releaseIfGrown} made in this process. */
    public static synchronized int collections() {
        return collections;
    }

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
