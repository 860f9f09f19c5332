package io.kinefold.cli;

import io.kinefold.exec.Progress;
import io.kinefold.exec.RunListener;
import io.kinefold.exec.SingleProcessExecutor;
import io.kinefold.exec.WorkerInfo;
import io.kinefold.monitor.ProcessMemory;
import io.kinefold.experiment.Status;
import io.kinefold.experiment.TrialResult;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Prints a run's progress to stderr: one line per finished trial, with elapsed and remaining time. */
class ConsoleProgress implements RunListener {
    private final PrintWriter err;
    private final Map<String, Long> rss = new ConcurrentHashMap<>();

    ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void progress(Progress p) {
        TrialResult r = p.last();
        String outcome = r.status() == Status.SUCCEEDED
                ? String.format(Locale.ROOT, "acc %.3f  f1 %.3f  %5.1fs  %s", r.metrics().accuracy(), r.metrics().macroF1(),
                        r.metrics().trainSeconds(), r.worker())
                : "FAILED: " + r.error();
        long bytes = r.worker().equals(SingleProcessExecutor.WORKER) ? ProcessMemory.residentBytes() : rss.getOrDefault(r.worker(), -1L);
        String rss = bytes > 0 ? String.format(Locale.ROOT, "  rss %d MB", bytes >> 20) : "";
        err.printf(Locale.ROOT, "[%d/%d] %-24s %s   elapsed %s, left ~%s%s%n", p.done(), p.total(), r.trial().key(), outcome,
                duration(p.elapsedSeconds()), duration(p.remainingSeconds()), rss);
        err.flush();
    }

    @Override
    public void workerChanged(WorkerInfo worker) {
        rss.put(worker.name(), worker.rssBytes());
    }

    @Override
    public void message(String text) {
        err.println(text);
        err.flush();
    }

    static String duration(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
