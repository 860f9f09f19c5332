package io.kinefold.cluster;

import io.kinefold.exec.Comparer;
import io.kinefold.exec.ExecutionListener;
import io.kinefold.exec.PoolExecutor;
import io.kinefold.exec.TrialCost;
import io.kinefold.exec.WorkerPool;
import io.kinefold.experiment.Status;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * The check before a cluster run's first trial: every node runs one trial, the cheapest network
 * trial of the run, on a worker of its own, and its metrics must equal this machine's, to the bit.
 * A node whose metrics differ (another native library, another CPU's arithmetic) would make the
 * run's results depend on where each trial ran: the run names it and stops. This machine's own
 * run of the trial goes on beside the run's first trials; their results wait in a
 * {@link CanaryGate} until the check is made.
 */
final class Canary {
    /** What the canary needs of the pool: a worker on a given node, and the pool's usual operations. */
    interface Nodes {
        List<String> nodeNames();

        String startOn(String node, Consumer<WorkerPool.Event> events) throws IOException;

        void run(String worker, Trial trial);

        /** Keeps a worker that passed, idle and ready, for the run's next start on its node. */
        void park(String worker);

        /** Takes the worker out of the pool, as {@code WorkerPool.remove}; a worker gone already is no error. */
        void forget(String worker);

        /** Ends the run's session on every node, workers and all. */
        void endSessions();
    }

    /** The run the canary guards: the scheduler's, through a listener the canary gives it. */
    interface Run {
        void execute(ExecutionListener listener);

        /** Stops the run everywhere, from any thread. */
        void stop();

        boolean cancelled();
    }

    /** How long a cancelled run waits for this machine's canary before its held results go unchecked. */
    private static final long CANCEL_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private Canary() {}

    /** The trial the canary runs: the cheapest network trial (baselines exercise no native code), or null when there is none. */
    static Trial pick(List<Trial> trials, ToIntFunction<Trial> trainSamples) {
        List<Trial> networks = trials.stream().filter(t -> t.gridPoint() >= 0).toList();
        if (networks.isEmpty()) {
            return null;
        }
        List<Trial> order = TrialCost.longestFirst(networks, trainSamples);
        return order.get(order.size() - 1);
    }

    /**
     * Runs the canary on every node at once. A node's worker that finished it is kept for the run
     * ({@link Nodes#park}): its start is not paid twice.
     *
     * @param seconds how long the nodes have, in all
     * @return each node's result, by node name, in the nodes' order
     * @throws PoolExecutor.PoolFailure naming the first node that could not start a worker, lost it, or did not finish in time
     */
    static Map<String, TrialResult> runOnNodes(Nodes nodes, Trial canary, double seconds) {
        BlockingQueue<WorkerPool.Event> events = new LinkedBlockingQueue<>();
        Map<String, String> nodeOf = new LinkedHashMap<>();
        Map<String, TrialResult> theirs = new LinkedHashMap<>();
        try {
            // Every node at once: opening a session ships the dataset and starting a worker takes a second or so.
            Map<String, CompletableFuture<String>> starting = new LinkedHashMap<>();
            for (String node : nodes.nodeNames()) {
                starting.put(node, CompletableFuture.supplyAsync(() -> {
                    try {
                        return nodes.startOn(node, events::add);
                    } catch (IOException e) {
                        throw new CompletionException(e);
                    }
                }));
            }
            String refused = null;
            for (Map.Entry<String, CompletableFuture<String>> s : starting.entrySet()) {
                try {
                    nodeOf.put(s.getValue().join(), s.getKey());
                } catch (CompletionException e) {
                    refused = refused != null ? refused : "node " + s.getKey() + " could not start a worker for the canary trial: "
                            + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
                }
            }
            if (refused != null) {
                throw new PoolExecutor.PoolFailure(refused);
            }
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            while (!nodeOf.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new PoolExecutor.PoolFailure("the canary trial " + canary.key() + " did not finish on every node within "
                            + Math.round(seconds) + " s: " + String.join(", ", nodeOf.values()) + " still running it");
                }
                WorkerPool.Event e = events.poll(Math.min(left, POLL_NANOS), TimeUnit.NANOSECONDS);
                if (e == null || !nodeOf.containsKey(e.worker())) {
                    continue;
                }
                String node = nodeOf.get(e.worker());
                if (e instanceof WorkerPool.Ready) {
                    nodes.run(e.worker(), canary);
                } else if (e instanceof WorkerPool.Finished f) {
                    theirs.put(node, f.result());
                    nodes.park(e.worker());
                    nodeOf.remove(e.worker());
                } else if (e instanceof WorkerPool.Died d) {
                    throw new PoolExecutor.PoolFailure("node " + node + " lost its worker during the canary trial " + canary.key()
                            + (d.lastError() == null ? "" : ": " + d.lastError()));
                } else if (e instanceof WorkerPool.Fatal f) {
                    throw new PoolExecutor.PoolFailure("node " + node + ": " + f.message());
                }
            }
            Map<String, TrialResult> inOrder = new LinkedHashMap<>();
            for (String node : starting.keySet()) {
                inOrder.put(node, theirs.get(node));
            }
            return inOrder;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PoolExecutor.PoolFailure("interrupted during the canary trial");
        } finally {
            // Workers still here did not finish it: the caller ends the session on every node.
            nodeOf.keySet().forEach(nodes::forget);
        }
    }

    /**
     * Compares every node's canary result with this machine's.
     *
     * @param here this machine's result, or null when it gave none in time
     * @return one line per node that passed, or why the nodes were not checked, for the log
     * @throws PoolExecutor.PoolFailure naming the first node whose metrics differ
     */
    static List<String> verify(Trial canary, TrialResult here, Map<String, TrialResult> theirs) {
        if (here == null || here.status() != Status.SUCCEEDED) {
            // Nothing to check against: the nodes' results count all the same.
            return List.of("the canary trial " + (here == null ? "gave no result here" : "failed here: " + here.error())
                    + "; the nodes are not checked against it");
        }
        List<String> passed = new ArrayList<>();
        for (Map.Entry<String, TrialResult> t : theirs.entrySet()) {
            if (!Comparer.sameMetrics(here, t.getValue())) {
                throw new PoolExecutor.PoolFailure("node " + t.getKey() + " gives other metrics than this machine for the canary trial "
                        + canary.key() + " (" + describe(t.getValue()) + " there, " + describe(here) + " here): its results "
                        + "would depend on where they ran, so the run stops; run the same Kinefold build on the same "
                        + "kind of machine, or leave that node out");
            }
            passed.add("node " + t.getKey() + ": canary trial " + canary.key() + " gives this machine's metrics");
        }
        return passed;
    }

    /**
     * Runs a cluster run behind its canary: the canary on every node first, then the run at once,
     * its results held in a {@link CanaryGate} until this machine's own result ({@code own}) came
     * and was compared. A node whose metrics differ stops the run, and what the nodes gave
     * meanwhile is dropped.
     *
     * @param seconds how long the canary may take, on the nodes and here
     * @throws PoolExecutor.PoolFailure naming the node that failed the canary, or why it could not run
     */
    static void guard(Nodes nodes, Trial canary, CompletableFuture<TrialResult> own, double seconds, ExecutionListener listener,
            Run run) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        Map<String, TrialResult> theirs;
        try {
            theirs = runOnNodes(nodes, canary, seconds);
        } catch (PoolExecutor.PoolFailure e) {
            nodes.endSessions();
            if (run.cancelled()) {
                return;
            }
            throw e;
        }
        CanaryGate gate = new CanaryGate(listener);
        Consumer<TrialResult> settle = here -> {
            try {
                gate.pass(verify(canary, here, theirs));
            } catch (PoolExecutor.PoolFailure f) {
                gate.fail(f);
                run.stop();
            }
        };
        own.whenComplete((here, error) -> settle.accept(here));
        if (!run.cancelled()) {
            run.execute(gate);
        }
        if (!gate.settled()) {
            // The run ended before this machine's canary did: wait for it, within the bound.
            long wait = run.cancelled() ? CANCEL_WAIT_NANOS : deadline - System.nanoTime();
            try {
                own.get(Math.max(0, wait), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // settled below, as "no result here"
            }
            settle.accept(own.getNow(null));
        }
        if (gate.failure() != null) {
            nodes.endSessions(); // the run may have stopped before it started: the canary's workers wait on the nodes
            throw gate.failure();
        }
    }

    private static String describe(TrialResult r) {
        return r.metrics() == null ? r.status() + (r.error() == null ? "" : ": " + r.error())
                : String.format(java.util.Locale.ROOT, "accuracy %.6f, macro-F1 %.6f", r.metrics().accuracy(), r.metrics().macroF1());
    }
}
