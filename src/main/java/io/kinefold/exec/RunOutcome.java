package io.kinefold.exec;

import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.Status;
import io.kinefold.monitor.ResourceSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a run (or one session of it) ended.
 *
 * @param runId the run
 * @param status SUCCEEDED when every trial succeeded; FAILED when a trial failed after its retries
 *     or the executor gave up; CANCELLED when a cancel left trials undone
 * @param trials trials of the run
 * @param ranNow trials run in this session
 * @param failed trials whose stored result is a failure, over all sessions
 * @param wallSeconds wall time over all sessions
 * @param workers workers of this session
 * @param models per-model summaries of every result so far
 * @param resources what the monitor saw during this session
 * @param workerChoice the worker count and why
 * @param trialsByWorker stored trials (over all sessions) by the worker that ran them; a cluster
 *     node's workers are named {@code NODE/wN}
 */
public record RunOutcome(long runId, Status status, int trials, int ranNow, int failed, double wallSeconds, int workers,
                         List<ModelSummary> models, ResourceSummary resources, String workerChoice,
                         Map<String, Integer> trialsByWorker) {
    /**
     * Trials and workers per cluster node, in the order the nodes first appear; empty for a run on
     * this machine only.
     *
     * @param address the node, {@code HOST:PORT}
     * @param workers its workers that ran trials of the run (replacements count apart)
     * @param trials trials its workers ran
     */
    public record NodeShare(String address, int workers, int trials) {}

    /** The cluster node a worker's name says it ran on ({@code NODE/wN}), or null for a worker of this machine. */
    public static String nodeOf(String worker) {
        int slash = worker == null ? -1 : worker.lastIndexOf('/');
        return slash > 0 ? worker.substring(0, slash) : null;
    }

    public List<NodeShare> nodes() {
        Map<String, int[]> byNode = new LinkedHashMap<>();
        trialsByWorker.forEach((worker, n) -> {
            String node = nodeOf(worker);
            if (node != null) {
                int[] c = byNode.computeIfAbsent(node, k -> new int[2]);
                c[0]++;
                c[1] += n;
            }
        });
        return byNode.entrySet().stream().map(e -> new NodeShare(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }
}
