package io.kinefold.exec;

import io.kinefold.experiment.Status;
import io.kinefold.experiment.Trial;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker process of a {@link LocalWorkerPool}: launching it, feeding it the dataset, writing
 * messages to its stdin and turning what its stdout says into {@link WorkerPool.Event}s. It also
 * keeps what it reported ({@link #info}), updated by its reader thread before each event goes out,
 * so that whoever takes an event sees the worker as it was then.
 */
final class PoolWorker {
    private static final Logger LOG = LoggerFactory.getLogger(PoolWorker.class);
    private static final int ERRORS_KEPT = 20;

    final String name;
    final Process process;
    private final Deque<String> lastErrors = new ArrayDeque<>();
    private final long launched = System.nanoTime();
    private final OutputStream stdin;
    // What the worker is and did, for WorkerInfo; guarded by this.
    private Trial current;
    private int trialsDone;
    private long rss;
    private long nativeBytes;
    private Status status = Status.QUEUED;
    private boolean retiring;

    private PoolWorker(String name, Process process) {
        this.name = name;
        this.process = process;
        this.stdin = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
    }

    /** Launches a worker, starts reading its output into {@code events}, and sends it the spec and the dataset. */
    static PoolWorker start(WorkerLauncher launcher, String name, WorkerInit init, Consumer<WorkerPool.Event> events)
            throws IOException {
        PoolWorker w = new PoolWorker(name, launcher.start(name));
        daemon("pool-" + name + "-out", () -> w.readStdout(events));
        daemon("pool-" + name + "-err", w::readStderr);
        // The dataset (megabytes) fills the pipe until the new JVM reads it: written from a thread
        // of its own, so that the next worker is launched at once instead of after this one is up.
        daemon("pool-" + name + "-init", () -> w.write(init.line(), init.dataset(), "the dataset"));
        LOG.debug("started {} (pid {})", name, w.process.pid());
        return w;
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    void run(Trial trial) {
        synchronized (this) {
            current = trial;
        }
        send(new WorkerMessage.RunTrial(trial));
    }

    void retire() {
        synchronized (this) {
            retiring = true;
        }
        send(new WorkerMessage.Shutdown());
    }

    /** Its status once gone: an end it was asked for, or a death. */
    synchronized void died() {
        status = retiring ? Status.SUCCEEDED : Status.FAILED;
    }

    /** Its status once the pool has ended it. */
    synchronized void ended(boolean cancelled) {
        status = cancelled ? Status.CANCELLED : (retiring || current == null ? Status.SUCCEEDED : Status.FAILED);
        current = null;
    }

    void send(WorkerMessage message) {
        write(Protocol.encode(message), null, message.getClass().getSimpleName());
    }

    /** One line to the worker and the block that follows it, if any; synchronized, as the dataset goes from a thread of its own. */
    private void write(String line, byte[] block, String what) {
        synchronized (stdin) {
            try {
                stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                if (block != null) {
                    stdin.write(block);
                }
                stdin.flush();
            } catch (IOException e) {
                // the worker is gone: its death arrives as an event of its own
                LOG.debug("{}: cannot send {}: {}", name, what, e.getMessage());
            }
        }
    }

    /** Closes the worker's stdin: a worker exits by itself at the end of its input. */
    void closeInput() {
        try {
            stdin.close();
        } catch (IOException e) {
            // already closed
        }
    }

    synchronized WorkerInfo info() {
        return new WorkerInfo(name, process.pid(), status, current == null ? null : current.key(), trialsDone, rss, nativeBytes);
    }

    /** The last line the worker wrote to stderr, or null. */
    String lastError() {
        synchronized (lastErrors) {
            return lastErrors.peekLast();
        }
    }

    private void readStdout(Consumer<WorkerPool.Event> events) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                Optional<WorkerMessage> message = Protocol.decode(line);
                int embedded = line.indexOf("{\"type\":");
                if (message.isEmpty() && embedded > 0) {
                    events.accept(new WorkerPool.Garbage(name, line.substring(0, embedded)));
                    message = Protocol.decode(line.substring(embedded));
                    line = "";
                }
                if (message.isPresent()) {
                    WorkerPool.Event event = received(message.get());
                    if (event != null) {
                        events.accept(event);
                    }
                } else if (!line.isBlank()) {
                    events.accept(new WorkerPool.Garbage(name, line));
                }
            }
        } catch (IOException e) {
            LOG.debug("{}: stdout closed: {}", name, e.getMessage());
        }
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exit = -1;
        }
        events.accept(new WorkerPool.Died(name, exit, lastError()));
    }

    /** Notes what a message says of the worker, and the event it makes; null for messages that only go to workers. */
    private synchronized WorkerPool.Event received(WorkerMessage message) {
        if (message instanceof WorkerMessage.Ready ready) {
            status = Status.RUNNING;
            rss = ready.rssBytes();
            return new WorkerPool.Ready(name, ready.rssBytes(), (System.nanoTime() - launched) / 1e9);
        } else if (message instanceof WorkerMessage.Started started) {
            return new WorkerPool.Started(name, started.key());
        } else if (message instanceof WorkerMessage.Finished finished) {
            if (current != null && current.key().equals(finished.result().trial().key())) {
                current = null;
                trialsDone++;
                rss = finished.rssBytes();
                nativeBytes = finished.nativeBytes();
            }
            return new WorkerPool.Finished(name, finished.result(), finished.rssBytes());
        } else if (message instanceof WorkerMessage.Heartbeat) {
            return new WorkerPool.Alive(name);
        } else if (message instanceof WorkerMessage.Fatal fatal) {
            return new WorkerPool.Fatal(name, fatal.message());
        }
        return null;
    }

    private void readStderr() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                LOG.debug("{}: {}", name, line);
                synchronized (lastErrors) {
                    lastErrors.addLast(line);
                    if (lastErrors.size() > ERRORS_KEPT) {
                        lastErrors.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("{}: stderr closed", name);
        }
    }
}
