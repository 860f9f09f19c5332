package io.kinefold.ui.run;

import io.kinefold.exec.RunOutcome;
import io.kinefold.exec.WorkerInfo;
import io.kinefold.experiment.Status;
import io.kinefold.monitor.ResourceSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rows of the run view's nodes table during a cluster run: per node, its workers (named
 * {@code HOST:PORT/wN}) as the scheduler reports them, the trials they finished, and its machine
 * as its latest sample shows it. Empty for a run on this machine. Touches no control; changed
 * only under the view model's lock on the UI executor.
 */
final class NodeTable {
    private static final class Node {
        final Map<String, WorkerInfo> workers = new LinkedHashMap<>();
        int trialsDone;
        ResourceSample last;
        boolean gone;
    }

    private final ObservableList<NodeRow> rows = FXCollections.observableArrayList();
    private final Map<String, Node> nodes = new LinkedHashMap<>();

    /** Forgets every node, for a new run. */
    void clear() {
        nodes.clear();
        rows.clear();
    }

    void workerChanged(WorkerInfo worker) {
        String node = RunOutcome.nodeOf(worker.name());
        if (node != null) {
            Node n = node(node);
            n.workers.put(worker.name(), worker);
            // A worker that fails without a trial of its own is a sign the node left; the next sample says otherwise.
            if (worker.status() == Status.FAILED && n.workers.values().stream().allMatch(w -> w.status().isTerminal())) {
                n.gone = true;
            }
            refresh();
        }
    }

    void trialFinished(String worker) {
        String node = RunOutcome.nodeOf(worker);
        if (node != null) {
            node(node).trialsDone++;
            refresh();
        }
    }

    void sampled(String node, ResourceSample sample) {
        Node n = node(node);
        n.last = sample;
        n.gone = false;
        refresh();
    }

    private Node node(String name) {
        return nodes.computeIfAbsent(name, k -> new Node());
    }

    private void refresh() {
        List<NodeRow> fresh = new ArrayList<>();
        nodes.forEach((name, n) -> {
            int alive = (int) n.workers.values().stream().filter(w -> !w.status().isTerminal()).count();
            int busy = (int) n.workers.values().stream().filter(w -> !w.status().isTerminal() && w.currentTrial() != null).count();
            ResourceSample s = n.last;
            fresh.add(new NodeRow(name, alive, busy, n.trialsDone, s == null ? Double.NaN : s.cpuTotal() * 100,
                    s == null ? Double.NaN : s.memUsedBytes() / LiveCharts.MIB, s == null ? Double.NaN : s.memTotalBytes() / LiveCharts.MIB,
                    n.gone ? "gone" : "serving"));
        });
        rows.setAll(fresh);
    }

    ObservableList<NodeRow> rows() { return rows; }
}
