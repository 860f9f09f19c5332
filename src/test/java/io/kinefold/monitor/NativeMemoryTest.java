package io.kinefold.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** Collecting on growth, not after every trial. */
class NativeMemoryTest {
    /**
     * Sizes are fed, not read: the test JVM's real resident size moves with whatever else it does
     * (JavaCPP's deallocator, the collector giving memory back), which made a test of real growth
     * fail on a busy machine.
     */
    @Test
    void collectsOnlyOnceTheProcessGrewPastTheThresholdCountedFromItsSmallestSize() {
        long base = 1L << 40;
        long growth = NativeMemory.GROWTH_BYTES;
        NativeMemory.releaseIfGrown(() -> base); // sets the baseline, or collects and sets it
        int before = NativeMemory.collections();

        assertThat(NativeMemory.releaseIfGrown(() -> base + growth)).as("grew by the threshold, not more").isFalse();
        assertThat(NativeMemory.releaseIfGrown(() -> base - (200L << 20))).as("gave memory back").isFalse();
        assertThat(NativeMemory.releaseIfGrown(() -> base - (200L << 20) + growth + 1))
                .as("grew past the threshold from its smallest size, though not from the first").isTrue();
        assertThat(NativeMemory.collections()).isEqualTo(before + 1);
        assertThat(NativeMemory.releaseIfGrown(() -> base - (200L << 20) + growth + 1))
                .as("the baseline moved to the size after the collection").isFalse();
        assertThat(NativeMemory.releaseIfGrown(() -> -1)).as("a size it cannot read: collect, as before").isTrue();
        assertThat(NativeMemory.collections()).isEqualTo(before + 2);
    }

    @Test
    void readsItsOwnResidentSize() {
        assumeTrue(ProcessMemory.residentBytes() > 0, "the OS tells resident memory");
        NativeMemory.releaseIfGrown();
        int before = NativeMemory.collections();
        assertThat(NativeMemory.releaseIfGrown()).as("no growth between two calls in a row").isFalse();
        assertThat(NativeMemory.collections()).isEqualTo(before);
    }

    @Test
    void tellsMallocsBytesInUse() {
        assumeTrue(NativeMemory.mallocInUseBytes() >= 0, "glibc 2.33 or later");
        assertThat(NativeMemory.mallocInUseBytes()).isPositive();
    }
}
