package io.kinefold.store;

import java.time.Instant;

/**
 * A run whose lease another live process holds: starting a session of it was refused. Unchecked
 * like {@link StoreFailure}, because it comes from the same calls; the faces read it as bad input.
 */
public class RunHeldException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient RunHolder holder;

    public RunHeldException(RunHolder holder) {
        super(holder.describe(Instant.now()) + "; it cannot be resumed while it runs");
        this.holder = holder;
    }

    public RunHolder holder() {
        return holder;
    }
}
