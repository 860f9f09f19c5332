package io.kinefold.cli;

import io.kinefold.experiment.RunInfo;
import io.kinefold.store.Store;
import io.kinefold.store.StoreException;
import io.kinefold.store.StoreFailure;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kinefold experiments [--db FILE] [--json]}: the runs in the store, newest first. */
@Command(name = "experiments", mixinStandardHelpOptions = true, description = "List the stored runs, newest first.",
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.STORE_BAD_INPUT})
final class ExperimentsCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    @Mixin
    StoreOption storeOption;

    @Mixin
    Console console;

    /** A run as JSON, times in ISO-8601. */
    static java.util.Map<String, Object> json(RunInfo r) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", r.id());
        m.put("experimentId", r.experimentId());
        m.put("experiment", r.experimentName());
        m.put("mode", r.mode());
        m.put("workers", r.workers());
        m.put("status", r.status());
        m.put("dataset", r.dataset());
        m.put("started", r.started() == null ? null : r.started().toString());
        m.put("finished", r.finished() == null ? null : r.finished().toString());
        m.put("wallSeconds", r.wallSeconds());
        m.put("trialsTotal", r.trialsTotal());
        m.put("trialsDone", r.trialsDone());
        return m;
    }

    @Override
    public Integer call() {
        PrintWriter out = console.out();
        try (Store store = storeOption.open()) {
            List<RunInfo> runs = store.runs();
            if (console.json) {
                console.printJson(java.util.Map.of("runs", runs.stream().map(ExperimentsCommand::json).toList()));
            } else {
                out.printf("%6s  %-16s  %-18s  %-14s  %7s  %-10s  %11s  %9s%n", "run", "started", "experiment", "mode", "workers",
                        "status", "trials", "wall");
                for (RunInfo r : runs) {
                    out.printf(Locale.ROOT, "%6d  %-16s  %-18s  %-14s  %7d  %-10s  %5d/%-5d  %9s%n", r.id(),
                            r.started() == null ? "" : WHEN.format(r.started()), r.experimentName(), r.mode(), r.workers(),
                            r.status().name().toLowerCase(Locale.ROOT), r.trialsDone(), r.trialsTotal(),
                            ConsoleProgress.duration(r.wallSeconds()));
                }
            }
            out.flush();
            return KinefoldCommand.OK;
        } catch (StoreException | StoreFailure e) {
            return ExitCodes.report(e, console.err());
        }
    }
}
