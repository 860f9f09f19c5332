package io.kinefold.store;

import java.time.Duration;
import java.time.Instant;

/**
 * The process that holds a run's lease: the open session of a live process, by host and pid, and
 * when it last said it was alive.
 */
public record RunHolder(long runId, String host, long pid, Instant heartbeat) {
    /** The holder in words, for a refusal: {@code run 7 is running on host lab-2, pid 4242 (alive 3 s ago)}. */
    public String describe(Instant now) {
        long ago = Math.max(0, Duration.between(heartbeat, now).toSeconds());
        return "run " + runId + " is running on host " + host + ", pid " + pid + " (alive " + ago + " s ago)";
    }
}
