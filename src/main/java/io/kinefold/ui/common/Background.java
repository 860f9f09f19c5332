package io.kinefold.ui.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Work of a view model off the FX thread: an unexpected error is handed back in words on the FX
 * thread rather than lost, and a last step (clearing a busy flag) always runs there.
 */
public final class Background {
    private Background() {}

    /**
     * Runs {@code work} on the context's executor; {@code unexpected} and then {@code done} run
     * through {@code fxThread}. The future completes after {@code done}.
     */
    public static CompletableFuture<Void> run(AppContext context, Executor fxThread, Runnable work,
                                              Consumer<RuntimeException> unexpected, Runnable done) {
        CompletableFuture<Void> applied = new CompletableFuture<>();
        context.background().execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                fxThread.execute(() -> unexpected.accept(e));
            } finally {
                fxThread.execute(() -> {
                    done.run();
                    applied.complete(null);
                });
            }
        });
        return applied;
    }
}
