package io.kinefold.ui.run;

import io.kinefold.exec.WorkerInfo;
import io.kinefold.experiment.Status;
import io.kinefold.monitor.ResourceSample;
import io.kinefold.monitor.WorkerSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rows of the run view's workers table, merged from what the pool reports of each worker
 * and the monitor's latest sample of it. Split from {@link RunViewModel} so that this merging
 * lives apart from running trials; touches no control, and is only changed under the view
 * model's lock on the UI executor.
 */
final class WorkerTable {
    private final ObservableList<WorkerRow> rows = FXCollections.observableArrayList();
    private final Map<String, WorkerInfo> infos = new LinkedHashMap<>();
    private final Map<String, WorkerSample> lastSamples = new LinkedHashMap<>();

    /** Forgets every worker, for a new run. */
    void clear() {
        rows.clear();
        infos.clear();
        lastSamples.clear();
    }

    /** The pool's news of a worker; {@code lane} is its name with the phase before it. */
    void changed(String lane, WorkerInfo worker) {
        infos.put(lane, worker);
        refresh();
    }

    /** The monitor's latest sample; {@code phase} goes before the workers' names. */
    void sampled(ResourceSample sample, String phase) {
        // This machine's sample: a cluster node's workers keep what their node's samples said.
        lastSamples.keySet().removeIf(k -> k.indexOf('/') < 0);
        sample.workers().forEach((name, w) -> lastSamples.put(phase + name, w));
        refresh();
    }

    /** A cluster node's sample: its workers' CPU and memory, under {@code HOST:PORT/wN}. */
    void nodeSampled(String node, ResourceSample sample, String phase) {
        lastSamples.keySet().removeIf(k -> k.startsWith(phase + node + "/"));
        sample.workers().forEach((name, w) -> lastSamples.put(phase + node + "/" + name, w));
        refresh();
    }

    private void refresh() {
        List<WorkerRow> fresh = new ArrayList<>();
        for (Map.Entry<String, WorkerInfo> e : infos.entrySet()) {
            WorkerInfo w = e.getValue();
            WorkerSample s = lastSamples.get(e.getKey());
            boolean gone = w.status().isTerminal();
            double cpu = s == null || gone ? Double.NaN : s.cpu() * 100;
            double rss = s != null && !gone ? s.rssBytes() / LiveCharts.MIB : w.rssBytes() / LiveCharts.MIB;
            fresh.add(new WorkerRow(e.getKey(), w.pid(), stateWords(w.status()),
                    w.currentTrial() == null ? "" : w.currentTrial(), w.trialsDone(), cpu, rss));
        }
        rows.setAll(fresh);
    }

    private static String stateWords(Status s) {
        return switch (s) {
            case QUEUED -> "starting";
            case RUNNING -> "running";
            case SUCCEEDED -> "ended";
            case FAILED -> "failed";
            case CANCELLED -> "stopped";
        };
    }

    ObservableList<WorkerRow> rows() { return rows; }
}
