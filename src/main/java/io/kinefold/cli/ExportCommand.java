package io.kinefold.cli;

import io.kinefold.data.DatasetException;
import io.kinefold.exec.RunService;
import io.kinefold.experiment.RunReport;
import io.kinefold.experiment.SpecException;
import io.kinefold.report.ExportFormat;
import io.kinefold.report.OutputTargetException;
import io.kinefold.report.Exporter;
import io.kinefold.report.ReportExtras;
import io.kinefold.report.SamplesCsv;
import io.kinefold.store.Store;
import io.kinefold.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kinefold export RUN_ID --format csv|md|tex|json|html --out FILE [--db FILE]}. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export a run's result tables or its full report.",
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.WORK_FAILED, ExitCodes.STORE_BAD_INPUT})
final class ExportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_ID")
    long runId;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "csv, md, tex, json or html for the results (csv also writes the learning curves beside FILE, "
                    + "as NAME-curves.csv); samples-csv for the monitor's CPU and memory samples.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write: a new path or a regular file to replace; a link, folder, FIFO or device is refused (exit 2).")
    Path out;

    @Mixin
    StoreOption storeOption;

    @Spec
    CommandSpec spec;

    private int exportSamples(PrintWriter err) {
        try (Store store = storeOption.open()) {
            if (store.run(runId).isEmpty()) {
                err.println("kinefold: no run " + runId + " in " + store.file());
                return KinefoldCommand.BAD_INPUT;
            }
            SamplesCsv.write(store.samples(runId), out);
            err.println("Wrote " + out.toAbsolutePath());
            return KinefoldCommand.OK;
        } catch (StoreException e) {
            err.println("kinefold: " + e.getMessage());
            return KinefoldCommand.BAD_INPUT;
        } catch (OutputTargetException e) {
            err.println("kinefold: --out " + e.getMessage());
            return KinefoldCommand.BAD_INPUT;
        } catch (IOException e) {
            err.println("kinefold: " + out + ": cannot be written: " + e.getMessage());
            return KinefoldCommand.FAILED;
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (format.equalsIgnoreCase("samples-csv")) {
            return exportSamples(err);
        }
        ExportFormat exportFormat;
        try {
            exportFormat = ExportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            err.println("kinefold: --format: " + e.getMessage());
            return KinefoldCommand.BAD_INPUT;
        }
        try (Store store = storeOption.open()) {
            if (store.run(runId).isEmpty()) {
                err.println("kinefold: no run " + runId + " in " + store.file());
                return KinefoldCommand.BAD_INPUT;
            }
            RunService service = new RunService(store);
            RunReport report = service.report(runId);
            Exporter.export(report, exportFormat, out, ReportExtras.load(service.store(), runId));
            err.println("Wrote " + out.toAbsolutePath());
            if (exportFormat == ExportFormat.CSV) {
                err.println("Wrote " + Exporter.curvesFile(out).toAbsolutePath());
            }
            return KinefoldCommand.OK;
        } catch (StoreException | SpecException | DatasetException e) {
            err.println("kinefold: run " + runId + ": " + e.getMessage());
            return KinefoldCommand.BAD_INPUT;
        } catch (OutputTargetException e) {
            err.println("kinefold: --out " + e.getMessage());
            return KinefoldCommand.BAD_INPUT;
        } catch (IOException e) {
            err.println("kinefold: " + out + ": cannot be written: " + e.getMessage());
            return KinefoldCommand.FAILED;
        }
    }
}
