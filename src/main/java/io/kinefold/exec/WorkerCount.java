package io.kinefold.exec;

import io.kinefold.monitor.MachineInfo;
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

    /** The most workers anyone may ask for. */
    public static final int MAX = 256;

    /** Whether the text asks for the machine to choose. */
    public static boolean isAuto(String text) {
        return text != null && text.strip().equalsIgnoreCase("auto");
    }

    /**
     * Why the typed count cannot be used ({@code auto} or 1 to {@value #MAX}), or null when it
     * can; cheap, it does not ask the machine, so forms check it as the user types.
     */
    public static String problem(String text) {
        if (isAuto(text)) {
            return null;
        }
        String t = text == null ? "" : text.strip();
        String hint = "type auto or a number from 1 to " + MAX;
        if (t.isEmpty()) {
            return "empty; " + hint;
        }
        int n;
        try {
            n = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            return "“" + t + "” is not a number; " + hint;
        }
        if (n < 1) {
            return "at least 1 is needed to run anything; " + hint;
        }
        if (n > MAX) {
            return n + " is more than " + MAX + "; " + hint;
        }
        return null;
    }

    /**
     * The count a user typed, as the command line and the workbench read it; {@code auto}
     * chooses from this machine's cores and free memory.
     *
     * @throws IllegalArgumentException with the {@link #problem} in words
     */
    public static WorkerCount parse(String text) {
        String problem = problem(text);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (isAuto(text)) {
            return auto(MachineInfo.logicalCores(), MachineInfo.availableMemoryBytes(), INITIAL_FOOTPRINT, false);
        }
        return checked(Integer.parseInt(text.strip()), MachineInfo.logicalCores(), MachineInfo.availableMemoryBytes(),
                INITIAL_FOOTPRINT);
    }

    /**
     * A count the user asked for, checked against the machine before any worker starts: more
     * workers than free memory holds (after {@link #HEADROOM}, at {@code footprintBytes} each) are
     * clamped to what it holds, and more than there are cores is allowed with a warning.
     */
    public static WorkerCount checked(int asked, int cores, long availableBytes, long footprintBytes) {
        long usable = Math.max(0, availableBytes - HEADROOM);
        int byMemory = (int) Math.min(Integer.MAX_VALUE, Math.max(1, usable / Math.max(1, footprintBytes)));
        int workers = Math.min(asked, byMemory);
        StringBuilder reason = new StringBuilder(workers + " worker" + (workers == 1 ? "" : "s") + ": ");
        if (workers < asked) {
            reason.append(String.format(Locale.ROOT, "%d asked, but %.1f GB free holds %d at %.1f GB per worker (until measured)",
                    asked, availableBytes / 1e9, workers, footprintBytes / 1e9));
        } else {
            reason.append("as asked");
        }
        if (workers > cores) {
            reason.append("; ").append(workers).append(" workers on ").append(cores).append(cores == 1 ? " core" : " cores")
                    .append(": they will share cores");
        }
        return new WorkerCount(workers, reason.toString());
    }

    public static WorkerCount fixed(int workers) {
        return new WorkerCount(workers, workers + " worker" + (workers == 1 ? "" : "s") + ": as asked");
    }
}
