package io.kinefold.exec;

import io.kinefold.store.RunHeldException;
import io.kinefold.store.Store;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This process's hold on a run while it executes it: a session in the store that beats every few
 * seconds, so that a {@code resume} elsewhere sees the run is alive and refuses, and takes it over
 * once the beats stop ({@link Store#LEASE_STALE_AFTER}) or the process is gone. Closing ends the
 * session with the wall time it measured.
 */
final class RunLease implements AutoCloseable {
    /** How often the session says it is alive: a small fraction of the stale bound. */
    static final Duration BEAT = Duration.ofSeconds(5);

    private final Store store;
    private final long session;
    private final long startedNanos = System.nanoTime();
    private final ScheduledExecutorService beats;
    private boolean closed;

    private RunLease(Store store, long session) {
        this.store = store;
        this.session = session;
        this.beats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kinefold-lease-" + session);
            t.setDaemon(true);
            return t;
        });
        beats.scheduleWithFixedDelay(this::beat, BEAT.toMillis(), BEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the run's lease.
     *
     * @throws RunHeldException if another live process holds it
     */
    static RunLease take(Store store, long runId) {
        return new RunLease(store, store.startSession(runId));
    }

    long session() {
        return session;
    }

    /** Seconds since the lease was taken. */
    double seconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private void beat() {
        try {
            store.heartbeat(session);
        } catch (RuntimeException e) {
            // A busy or full database must not stop the beats: the next one may get through, and
            // the run itself reports what the store refuses.
        }
    }

    /** Ends the session; calling it again does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        beats.shutdownNow();
        store.endSession(session, seconds());
    }
}
