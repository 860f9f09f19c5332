package io.kinefold.cluster;

import io.kinefold.exec.Comparer;
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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * The check before a cluster run's first trial: every node runs one trial, the cheapest network
 * trial of the run, on a worker of its own, and its metrics must equal this machine's, to the bit.
 * A node whose metrics differ (another native library, another CPU's arithmetic) would make the
 * run's results depend on where each trial ran: the run names it and stops.
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
    }

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
     * Runs the canary on every node at once, while this machine runs it too ({@code own}), and
     * compares each node's result with this machine's. A node's worker that passes is kept for the
     * run ({@link Nodes#park}): its start is not paid twice.
     *
     * @param seconds how long the nodes have, in all
     * @return one line per node that passed, or why the nodes were not checked, for the log
     * @throws PoolExecutor.PoolFailure naming the first node whose metrics differ, or that could not run it in time
     */
    static List<String> check(Nodes nodes, Trial canary, CompletableFuture<TrialResult> own, double seconds) {
        BlockingQueue<WorkerPool.Event> events = new LinkedBlockingQueue<>();
        Map<String, String> nodeOf = new LinkedHashMap<>();
        Map<String, TrialResult> theirs = new LinkedHashMap<>();
        List<String> passed = new ArrayList<>();
        try {
            // Every node at once: opening a session ships the dataset and starting a worker takes a second or so.
            Map<String, CompletableFuture<String>> starting = new LinkedHashMap<>();
            for (String node : nodes.nodeNames()) {
                starting.put(node, CompletableFuture.supplyAsync(() -> {
                    try {
                        return nodes.startOn(node, events::add);
                    } catch (IOException e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                }));
            }
            String refused = null;
            for (Map.Entry<String, CompletableFuture<String>> s : starting.entrySet()) {
                try {
                    nodeOf.put(s.getValue().join(), s.getKey());
                } catch (java.util.concurrent.CompletionException e) {
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
                if (e != null && nodeOf.containsKey(e.worker())) {
                    String node = nodeOf.get(e.worker());
                    if (e instanceof WorkerPool.Ready) {
                        nodes.run(e.worker(), canary);
                    } else if (e instanceof WorkerPool.Finished f) {
                        theirs.put(e.worker(), f.result());
                    } else if (e instanceof WorkerPool.Died d) {
                        throw new PoolExecutor.PoolFailure("node " + node + " lost its worker during the canary trial " + canary.key()
                                + (d.lastError() == null ? "" : ": " + d.lastError()));
                    } else if (e instanceof WorkerPool.Fatal f) {
                        throw new PoolExecutor.PoolFailure("node " + node + ": " + f.message());
                    }
                }
                if (!own.isDone() || theirs.isEmpty()) {
                    continue;
                }
                TrialResult here = own.join();
                if (here == null || here.status() != Status.SUCCEEDED) {
                    // Nothing to check against: the workers go to the run all the same.
                    nodeOf.keySet().forEach(nodes::park);
                    nodeOf.clear();
                    return List.of("the canary trial failed here" + (here == null ? "" : ": " + here.error())
                            + "; the nodes are not checked against it");
                }
                for (Map.Entry<String, TrialResult> t : theirs.entrySet()) {
                    String node = nodeOf.remove(t.getKey());
                    if (!Comparer.sameMetrics(here, t.getValue())) {
                        nodes.forget(t.getKey());
                        throw new PoolExecutor.PoolFailure("node " + node + " gives other metrics than this machine for the canary trial "
                                + canary.key() + " (" + describe(t.getValue()) + " there, " + describe(here) + " here): its results "
                                + "would depend on where they ran, so the run stops; run the same Kinefold build on the same "
                                + "kind of machine, or leave that node out");
                    }
                    passed.add("node " + node + ": canary trial " + canary.key() + " gives this machine's metrics");
                    nodes.park(t.getKey());
                }
                theirs.clear();
            }
            return passed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PoolExecutor.PoolFailure("interrupted during the canary trial");
        } finally {
            // Workers still here failed the check: the caller ends the session on every node.
            nodeOf.keySet().forEach(nodes::forget);
        }
    }

    private static String describe(TrialResult r) {
        return r.metrics() == null ? r.status() + (r.error() == null ? "" : ": " + r.error())
                : String.format(java.util.Locale.ROOT, "accuracy %.6f, macro-F1 %.6f", r.metrics().accuracy(), r.metrics().macroF1());
    }
}
