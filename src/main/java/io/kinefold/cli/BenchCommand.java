package io.kinefold.cli;

import io.kinefold.monitor.AppInfo;
import io.kinefold.data.DatasetException;
import io.kinefold.exec.Bench;
import io.kinefold.exec.ExecutionListener;
import io.kinefold.exec.PoolExecutor;
import io.kinefold.experiment.SpecException;
import io.kinefold.experiment.Status;
import io.kinefold.experiment.TrialResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

/** {@code kinefold bench [--dataset DIR] [--rounds N] [--profile DIR] [--json]}: the cost of a trial, per kind. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run a fixed set of trials of each model kind in one worker and print per kind the time per trial, "
                + "per epoch and per batch step, and the worker's memory.",
            "The first round warms the worker up and is not counted."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--dataset", paramLabel = "DIR", description = "Dataset folder (default: the bundled ${DEFAULT-VALUE}).",
            defaultValue = AppInfo.BUNDLED_DATASET)
    Path dataset;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
            description = "Times the trials are run; the first is not counted (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--profile", paramLabel = "DIR",
            description = "Leave a Java Flight Recording of the worker in DIR (open it with jfr or JDK Mission Control).")
    Path profile;

    @Mixin
    Console console;

    @Override
    public Integer call() {
        PrintWriter err = console.err();
        if (rounds < 1 || rounds > 100) {
            err.println("kinefold: --rounds must be 1 to 100, was " + rounds);
            return 2;
        }
        Bench.Report report;
        try {
            err.println("Bench: 3 trials of each kind × " + rounds + " round" + (rounds == 1 ? "" : "s") + " in one worker, on "
                    + dataset);
            report = Bench.run(dataset, rounds, profile, new ExecutionListener() {
                @Override
                public void trialFinished(TrialResult result) {
                    if (result.status() != Status.SUCCEEDED) {
                        err.println("  " + result.trial().key() + " failed: " + result.error());
                    }
                }

                @Override
                public void message(String text) {
                    err.println("  " + text);
                }
            });
        } catch (SpecException e) {
            e.problems().forEach(p -> err.println("kinefold: " + p));
            return 2;
        } catch (DatasetException e) {
            err.println("kinefold: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("kinefold: cannot write the profile to " + profile + ": " + e.getMessage());
            return 2;
        } catch (PoolExecutor.PoolFailure e) {
            err.println("kinefold: the worker failed: " + e.getMessage());
            return 1;
        }
        console.printJson(report);
        human(report, console.json ? err : console.out());
        return report.failedTrials() == 0 ? 0 : 1;
    }

    private static void human(Bench.Report r, PrintWriter p) {
        p.printf("%-6s %-22s %7s %11s %11s %10s %6s %9s %11s%n", "kind", "model", "trials", "s/trial", "ms/epoch", "ms/step",
                "steps", "accuracy", "1st round");
        for (Bench.KindFigures k : r.kinds()) {
            p.printf("%-6s %-22s %7d %11.3f %11.2f %10.3f %6.0f %9.3f %11.3f%n", k.kind(), k.model(), k.trials(), k.meanTrialSeconds(),
                    k.meanEpochSeconds() * 1000, k.meanStepMillis(), k.stepsPerTrial(), k.meanAccuracy(), k.firstRoundTrialSeconds());
        }
        p.printf("worker: ready in %.2f s, peak RSS %d MB, last %d MB, native heap (malloc) %d MB; %d failed; %.1f s in all%n",
                r.workerStartSeconds(), r.workerPeakRssBytes() >> 20, r.workerLastRssBytes() >> 20, r.workerNativeBytes() >> 20, r.failedTrials(),
                r.wallSeconds());
        if (r.profile() != null) {
            p.println("profile: " + r.profile());
        }
        p.flush();
    }
}
