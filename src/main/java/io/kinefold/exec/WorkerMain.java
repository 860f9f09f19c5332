package io.kinefold.exec;

import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.SpecException;
import io.kinefold.experiment.SpecIo;
import io.kinefold.experiment.TrialResult;
import io.kinefold.experiment.Workload;
import io.kinefold.model.Trainer;
import io.kinefold.monitor.NativeMemory;
import io.kinefold.monitor.ProcessMemory;
import io.kinefold.data.DatasetSnapshot;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A worker process: reads messages from stdin, runs one trial at a time, writes messages to
 * stdout. It exits by itself the moment its parent is gone (stdin closed, or the parent process
 * no longer alive), so that no worker ever outlives the app.
 */
public final class WorkerMain {
    private static final Object OUT_LOCK = new Object();
    private static final int EXIT_GRACE_SECONDS = 10;
    private static volatile boolean exiting;
    private static PrintStream protocol;

    private WorkerMain() {}

    public static void main(String[] args) throws Exception {
        // The protocol owns the real stdout; anything else printed goes to stderr, which the
        // parent logs, so a chatty library can never corrupt a message.
        protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readStdin(inbox), "worker-stdin");
        reader.setDaemon(true);
        reader.start();
        watchParent();
        beat();

        Workload workload = null;
        Trainer.useOneNativeThread();
        while (true) {
            Object message = inbox.take();
            if (message instanceof Initialise init) {
                long started = System.nanoTime();
                try {
                    ExperimentSpec spec = SpecIo.parse(init.spec(), "spec from the app");
                    workload = new Workload(init.dataset().toDataset(), spec);
                    String fingerprint = workload.fingerprint();
                    if (init.fingerprint() != null && !init.fingerprint().equals(fingerprint)) {
                        throw new IllegalStateException("the dataset arrived changed: its fingerprint is " + fingerprint
                                + ", the app sent " + init.fingerprint());
                    }
                } catch (SpecException | RuntimeException e) {
                    send(new WorkerMessage.Fatal("cannot take the dataset: " + e.getMessage()));
                    Runtime.getRuntime().halt(3);
                }
                send(new WorkerMessage.Ready(ProcessHandle.current().pid(), ProcessMemory.residentBytes(),
                        (System.nanoTime() - started) / 1e9));
            } else if (message instanceof WorkerMessage.RunTrial run) {
                if (workload == null) {
                    send(new WorkerMessage.Fatal("a trial arrived before init"));
                    Runtime.getRuntime().halt(3);
                }
                send(new WorkerMessage.Started(run.trial().key()));
                TrialResult result = TrialRunner.run(workload, run.trial(), workerName(), () -> false);
                send(new WorkerMessage.Finished(result, ProcessMemory.residentBytes(), NativeMemory.mallocInUseBytes()));
            } else if (message instanceof WorkerMessage.Shutdown) {
                protocol.flush();
                exitPolitely();
            } else {
                System.err.println("worker: ignored a message meant for the app: " + message);
            }
        }
    }

    /**
     * Exits through the shutdown hooks, so that a flight recording started with the worker
     * ({@code kinefold bench --profile}) is written; halts if the hooks take longer than a few
     * seconds, so that a polite shutdown can never keep a worker alive.
     */
    private static void exitPolitely() {
        exiting = true;
        Thread guard = new Thread(() -> {
            try {
                TimeUnit.SECONDS.sleep(EXIT_GRACE_SECONDS);
            } catch (InterruptedException e) {
                // halt all the same
            }
            Runtime.getRuntime().halt(0);
        }, "worker-exit-guard");
        guard.setDaemon(true);
        guard.start();
        System.exit(0);
    }

    private static String workerName() {
        return System.getProperty("kinefold.worker.name", "w?");
    }

    private static void send(WorkerMessage message) {
        synchronized (OUT_LOCK) {
            // A leading newline ends any partial line a native library left on stdout, which
            // would otherwise swallow this message; the app skips blank lines.
            protocol.print("\n" + Protocol.encode(message) + "\n");
            protocol.flush();
        }
    }

    /** The init message with the dataset that followed it, decoded on the stdin thread. */
    private record Initialise(String spec, DatasetSnapshot dataset, String fingerprint) {}

    private static void readStdin(BlockingQueue<Object> inbox) {
        try (MessageInput in = new MessageInput(System.in)) {
            String line;
            while ((line = in.readLine()) != null) {
                Optional<WorkerMessage> message = Protocol.decode(line);
                if (message.isPresent() && message.get() instanceof WorkerMessage.Init init) {
                    DatasetSnapshot dataset;
                    try {
                        dataset = DatasetSnapshot.fromBytes(in.readBlock(init.datasetBytes()));
                    } catch (IOException | RuntimeException e) {
                        send(new WorkerMessage.Fatal("cannot take the dataset: " + e.getMessage()));
                        Runtime.getRuntime().halt(3);
                        return;
                    }
                    inbox.add(new Initialise(init.spec(), dataset, init.fingerprint()));
                } else if (message.isPresent()) {
                    if (message.get() instanceof WorkerMessage.Shutdown) {
                        exiting = true; // the main thread exits politely; end of input must not halt first
                    }
                    inbox.add(message.get());
                } else {
                    System.err.println("worker: not a message, ignored: " + abbreviate(line));
                }
            }
        } catch (Exception e) {
            System.err.println("worker: stdin failed: " + e);
        }
        // stdin closed: the parent is gone or done with us. Halt, not exit: a trial in progress
        // must not keep the process alive. After a shutdown message the exit is under way already.
        if (!exiting) {
            Runtime.getRuntime().halt(0);
        }
    }

    /**
     * Says the worker is alive about once a second, from a thread of its own, while it starts,
     * trains or waits: the app kills a worker that falls silent (stopped, deadlocked, swapping).
     */
    private static void beat() {
        long millis = Long.getLong("kinefold.worker.heartbeatMillis", 1000);
        Thread heart = new Thread(() -> {
            while (!exiting) {
                send(new WorkerMessage.Heartbeat());
                try {
                    TimeUnit.MILLISECONDS.sleep(millis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "worker-heartbeat");
        heart.setDaemon(true);
        heart.start();
    }

    /** A second guard beside stdin: a parent that died without closing the pipe. */
    private static void watchParent() {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isEmpty()) {
            return;
        }
        Thread watchdog = new Thread(() -> {
            while (true) {
                if (!parent.get().isAlive()) {
                    Runtime.getRuntime().halt(0);
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "worker-parent-watch");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    static String abbreviate(String line) {
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
