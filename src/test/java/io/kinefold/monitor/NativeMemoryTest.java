package io.kinefold.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Collecting on growth, not after every trial. */
class NativeMemoryTest {
    @Test
    void collectsOnlyOnceTheProcessGrewPastTheThreshold() {
        assumeTrue(ProcessMemory.residentBytes() > 0, "the OS tells resident memory");
        NativeMemory.releaseIfGrown(); // sets the baseline, or collects if earlier tests grew the process
        int before = NativeMemory.collections();
        assertThat(NativeMemory.releaseIfGrown()).as("no growth since the last call").isFalse();
        // Touch more native memory than the threshold, and keep it: the process has grown.
        ByteBuffer held = ByteBuffer.allocateDirect((int) (NativeMemory.GROWTH_BYTES + (32 << 20)));
        for (int i = 0; i < held.capacity(); i += 4096) {
            held.put(i, (byte) 1);
        }
        assertThat(NativeMemory.releaseIfGrown()).as("grew by more than the threshold").isTrue();
        assertThat(NativeMemory.collections()).isEqualTo(before + 1);
        assertThat(NativeMemory.releaseIfGrown()).as("the baseline moved up with the collection").isFalse();
        assertThat(held.get(0)).isEqualTo((byte) 1);
    }

    @Test
    void tellsMallocsBytesInUse() {
        assumeTrue(NativeMemory.mallocInUseBytes() >= 0, "glibc 2.33 or later");
        assertThat(NativeMemory.mallocInUseBytes()).isPositive();
    }
}
