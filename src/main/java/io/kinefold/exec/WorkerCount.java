package io.kinefold.exec;

import java.util.Locale;

/**
 * How many workers the machine can hold: by cores (one kept for the app where there are four or
 * more) and by free memory over what one worker takes, never so many that the machine swaps.
 *
 * @param workers the choice
 * @param reason the choice in words, for the log and the run view
 */
public record WorkerCount(int workers, String reason) {
    /** Until a worker has been measured: a fixed heap plus DL4J's native buffers. */
    public static final long INITIAL_FOOTPRINT = 700L << 20;
    /** Memory kept free for the app and the system. */
    public static final long HEADROOM = 1L << 30;

    public static WorkerCount auto(int cores, long availableBytes, long footprintBytes, boolean measured) {
        int byCores = cores >= 4 ? cores - 1 : cores;
        long usable = Math.max(0, availableBytes - HEADROOM);
        int byMemory = (int) Math.min(Integer.MAX_VALUE, Math.max(1, usable / Math.max(1, footprintBytes)));
        int workers = Math.max(1, Math.min(byCores, byMemory));
        String coresText = cores >= 4 ? cores + " cores, 1 kept for the app" : cores == 1 ? "1 core" : cores + " cores";
        String memoryText = String.format(Locale.ROOT, "%.1f GB free, %.1f GB per worker%s", availableBytes / 1e9,
                footprintBytes / 1e9, measured ? " (measured)" : " (until measured)");
        String limit = byMemory < byCores ? " — memory is the limit" : "";
        return new WorkerCount(workers, workers + " worker" + (workers == 1 ? "" : "s") + ": " + coresText + "; " + memoryText + limit);
    }

    public static WorkerCount fixed(int workers) {
        return new WorkerCount(workers, workers + " worker" + (workers == 1 ? "" : "s") + ": as asked");
    }
}
