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
 * One worker process of a {@link PoolExecutor}, its process side: launching it, feeding it the
 * dataset, writing messages to its stdin and turning what its stdout says into events for the
 * pool's one thread. The scheduling state ({@link #current}, {@link #trialsDone}…) is the pool's,
 * touched by that thread only.
 */
final class PoolWorker {
    private static final Logger LOG = LoggerFactory.getLogger(PoolWorker.class);
    private static final int ERRORS_KEPT = 20;

    /** What a worker's reader threads tell the pool. */
    sealed interface Event {}

    record Message(PoolWorker worker, WorkerMessage message) implements Event {}

    record Garbage(PoolWorker worker, String line) implements Event {}

    record Died(PoolWorker worker, int exitCode) implements Event {}

    /** Wakes the pool's thread (on cancel). */
    record Wake() implements Event {}

    final String name;
    final Process process;
    final Deque<String> lastErrors = new ArrayDeque<>();
    final long launched = System.nanoTime();
    private final OutputStream stdin;
    Trial current;
    int trialsDone;
    long rss;
    long nativeBytes;
    Status status = Status.QUEUED;
    boolean ready;
    boolean retiring;
    double startSeconds = Double.NaN;

    private PoolWorker(String name, Process process) {
        this.name = name;
        this.process = process;
        this.stdin = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
    }

    /**
     * What every worker of a workload is sent first: the {@link WorkerMessage.Init} line and the
     * dataset's bytes it announces.
     */
    record InitPayload(String line, byte[] dataset) {}

    /** Launches a worker, starts reading its output into {@code events}, and sends it the spec and the dataset. */
    static PoolWorker start(WorkerLauncher launcher, String name, InitPayload init, Consumer<Event> events) throws IOException {
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

    void send(WorkerMessage message) {
        write(Protocol.encode(message), null, message.getClass().getSimpleName());
    }

    /** One line to the worker and the block that follows it, if any; synchronized, as the dataset goes from a thread of its own. */
    private synchronized void write(String line, byte[] block, String what) {
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

    /** Closes the worker's stdin: a worker exits by itself at the end of its input. */
    void closeInput() {
        try {
            stdin.close();
        } catch (IOException e) {
            // already closed
        }
    }

    WorkerInfo info() {
        return new WorkerInfo(name, process.pid(), status, current == null ? null : current.key(), trialsDone, rss, nativeBytes);
    }

    /** The last line the worker wrote to stderr, or null. */
    String lastError() {
        synchronized (lastErrors) {
            return lastErrors.peekLast();
        }
    }

    private void readStdout(Consumer<Event> events) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                Optional<WorkerMessage> message = Protocol.decode(line);
                int embedded = line.indexOf("{\"type\":");
                if (message.isEmpty() && embedded > 0) {
                    events.accept(new Garbage(this, line.substring(0, embedded)));
                    message = Protocol.decode(line.substring(embedded));
                    line = "";
                }
                if (message.isPresent()) {
                    events.accept(new Message(this, message.get()));
                } else if (!line.isBlank()) {
                    events.accept(new Garbage(this, line));
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
        events.accept(new Died(this, exit));
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
