package io.kinefold.ui.run;

import io.kinefold.store.Store;
import io.kinefold.store.StoreException;
import io.kinefold.ui.common.AppContext;
import io.kinefold.ui.common.WholeRunData;
import java.util.concurrent.Executor;

/** The whole run for the whole-run chart: the live run's data, or the last finished run as stored. */
final class WholeRunLoader {
    private final AppContext context;
    private final Executor fxThread;
    private final Object lock;
    private final RunStatus run;
    private final RunTimeline timeline;
    private final LiveCharts charts;
    private final RunEvents events;

    WholeRunLoader(AppContext context, Executor fxThread, Object lock, RunStatus run, RunTimeline timeline,
                   LiveCharts charts, RunEvents events) {
        this.context = context;
        this.fxThread = fxThread;
        this.lock = lock;
        this.run = run;
        this.timeline = timeline;
        this.charts = charts;
        this.events = events;
    }

    /**
     * The run so far, or the last run, whole: every sample and every trial on the timeline's clock,
     * as {@link WholeRunData#forStoredRun} gives a stored run. Call it on the FX thread.
     */
    WholeRunData wholeRun() {
        synchronized (lock) {
            WholeRunData.Builder b = new WholeRunData.Builder(timeline.startMillis());
            charts.samples().forEach(p -> b.add(p.sample(), p.phase()));
            for (TimelineBar bar : timeline.bars()) {
                b.trial(new WholeRunData.TrialSpan(bar.lane(), bar.trial(), bar.kind(), bar.start(), bar.end(), bar.failed()));
            }
            return b.build(run.runningProperty().get() ? timeline.elapsedProperty().get() : 0);
        }
    }

    /**
     * The last run that finished, whole, as the store has it: read on the background executor,
     * handed over on the FX thread; nothing after a comparison, whose two phases only the live data
     * shows on one clock, or when no run finished.
     */
    void loadStoredWholeRun(java.util.function.Consumer<WholeRunData> shown) {
        Long runId = run.finishedRunProperty().get();
        if (runId == null || !events.phase().isEmpty()) {
            return;
        }
        context.background().execute(() -> {
            try (Store store = Store.open(context.storeFile())) {
                WholeRunData stored = WholeRunData.forStoredRun(store, runId);
                fxThread.execute(() -> shown.accept(stored));
            } catch (StoreException | RuntimeException e) {
                // The live data stays on screen; the store's trouble shows where it is opened next.
            }
        });
    }
}
