package io.kinefold.ui;

import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Tells the user when a long run ends or fails while they are in another window: a researcher
 * starts a compare and goes back to the editor. A short run, or one watched in the window, needs
 * no word. The app shows the notice with ControlsFX's {@code Notifications}; tests take it as it is.
 */
final class RunNotifier {
    /** A run shorter than this is waited for, not left: no notice. */
    static final long LONG_RUN_MILLIS = 30_000;

    /** What to say: a title, the outcome in words, and whether the run failed. */
    record Notice(String title, String text, boolean failed) {}

    private final BooleanSupplier windowFocused;
    private final LongSupplier clock;
    private long startedAt = -1;

    /**
     * @param running whether a run is going
     * @param outcome the run's last status in words, read once it has ended
     * @param error why the run failed, or null or empty when it did not
     * @param windowFocused whether the window has the focus
     * @param clock milliseconds
     * @param later where the outcome is read: the status is set just after the run ends, on the same thread
     * @param show shows the notice
     */
    RunNotifier(ObservableBooleanValue running, Supplier<String> outcome, Supplier<String> error,
                BooleanSupplier windowFocused, LongSupplier clock, Executor later, Consumer<Notice> show) {
        this.windowFocused = windowFocused;
        this.clock = clock;
        running.addListener((obs, was, now) -> {
            if (now) {
                startedAt = clock.getAsLong();
            } else if (startedAt >= 0) {
                long took = clock.getAsLong() - startedAt;
                startedAt = -1;
                if (took >= LONG_RUN_MILLIS) {
                    later.execute(() -> ended(took, outcome.get(), error.get(), show));
                }
            }
        });
    }

    private void ended(long took, String outcome, String error, Consumer<Notice> show) {
        if (windowFocused.getAsBoolean()) {
            return;
        }
        boolean failed = error != null && !error.isBlank();
        String duration = took / 60_000 + ":" + String.format("%02d", took / 1000 % 60);
        show.accept(failed
                ? new Notice("The run failed after " + duration, error, true)
                : new Notice("The run ended after " + duration, outcome == null || outcome.isBlank() ? "Finished" : outcome, false));
    }
}
