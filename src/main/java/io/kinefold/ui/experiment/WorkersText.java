package io.kinefold.ui.experiment;

import io.kinefold.exec.WorkerCount;
import io.kinefold.monitor.MachineInfo;
import java.util.Optional;

/**
 * The worker count as typed, {@code auto} or 1 to {@value #MAX_WORKERS}: the same rule and words as
 * the Run view's, which shares the text through the app context. Checking the words is cheap and
 * done as the user types; what {@code auto} means asks the machine, so it runs off the FX thread.
 */
public final class WorkersText {
    public static final int MAX_WORKERS = 64;

    private WorkersText() {}

    /** Why the text cannot be used, or null when it can. */
    public static String problem(String text) {
        String t = text == null ? "" : text.strip();
        if (t.equalsIgnoreCase("auto")) {
            return null;
        }
        if (t.isEmpty()) {
            return "Workers: type auto or a number from 1 to " + MAX_WORKERS;
        }
        int n;
        try {
            n = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            return "Workers: “" + t + "” is not a number; type auto or 1 to " + MAX_WORKERS;
        }
        if (n < 1) {
            return "Workers: at least 1 is needed to run anything; type auto or 1 to " + MAX_WORKERS;
        }
        if (n > MAX_WORKERS) {
            return "Workers: " + n + " is more than " + MAX_WORKERS + "; type auto or 1 to " + MAX_WORKERS;
        }
        return null;
    }

    /** The count the text asks for; for {@code auto}, what this machine can hold. */
    public static Optional<WorkerCount> count(String text) {
        if (problem(text) != null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.equalsIgnoreCase("auto")) {
            return Optional.of(WorkerCount.auto(MachineInfo.logicalCores(), MachineInfo.availableMemoryBytes(),
                    WorkerCount.INITIAL_FOOTPRINT, false));
        }
        return Optional.of(WorkerCount.fixed(Integer.parseInt(t)));
    }
}
