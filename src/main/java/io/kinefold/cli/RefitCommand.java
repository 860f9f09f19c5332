package io.kinefold.cli;

import io.kinefold.data.DatasetException;
import io.kinefold.data.ModelId;
import io.kinefold.exec.ModelFile;
import io.kinefold.exec.Refit;
import io.kinefold.exec.RefitRefusedException;
import io.kinefold.exec.RunService;
import io.kinefold.experiment.SpecException;
import io.kinefold.kind.Kinds;
import io.kinefold.report.ModelFileOutput;
import io.kinefold.report.OutputTargetException;
import io.kinefold.store.Store;
import io.kinefold.store.StoreException;
import io.kinefold.store.StoreFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kinefold refit RUN_ID --model M [--out FILE] [--db FILE] [--json]}. */
@Command(name = "refit", mixinStandardHelpOptions = true,
        description = {"Train the best grid point of a model of a run on all of that model's data and save the network.",
            "The best grid point is the one the run's results rank first (mean accuracy over folds, then macro-F1). It is "
                + "trained on every sample of the model, seeded; with the spec's early stopping, whole subjects are held out "
                + "for validation as in the trials, else it trains for the grid point's epochs.",
            "The model file is a zip holding model.json (the sidecar: model, hyperparameters, classes, feature count, run, "
                + "cross-validated accuracy, epochs trained, dataset fingerprint, Kinefold version, spec) and params.f32 (the "
                + "parameters as little-endian float32). A copy of the sidecar is written beside the zip: model.zip -> model.json.",
            "Refused when the run's dataset changed since it ran. Use the file with: kinefold predict FILE DATASET"},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK, ExitCodes.WORK_FAILED, ExitCodes.REFIT_REFUSED})
final class RefitCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_ID")
    long runId;

    @Option(names = "--model", required = true, paramLabel = "M", description = "The model of the run to refit, e.g. pose, start:squat, rep:squat.")
    String model;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Model file to write (default: run-RUN_ID-M.zip here, ':' as '-'); its sidecar copy goes beside it as .json. "
                    + "A link, folder, FIFO or device is refused (exit 2).")
    Path out;

    @Mixin
    StoreOption storeOption;

    @Mixin
    Console console;

    @Override
    public Integer call() {
        PrintWriter err = console.err();
        ModelId id;
        try {
            id = Kinds.parse(model);
        } catch (IllegalArgumentException e) {
            err.println("kinefold: --model: " + e.getMessage());
            return KinefoldCommand.BAD_INPUT;
        }
        Path target = out != null ? out : Path.of("run-" + runId + "-" + id.toString().replace(':', '-') + ".zip");
        try {
            ModelFileOutput.checkTargets(target);
        } catch (OutputTargetException e) {
            err.println("kinefold: --out " + e.getMessage());
            return KinefoldCommand.BAD_INPUT;
        } catch (IOException e) {
            err.println("kinefold: " + target + ": cannot be written: " + e.getMessage());
            return KinefoldCommand.FAILED;
        }
        try (Store store = storeOption.open()) {
            if (store.run(runId).isEmpty()) {
                err.println("kinefold: no run " + runId + " in " + store.file());
                return KinefoldCommand.BAD_INPUT;
            }
            ModelFile file = new Refit(new RunService(store)).run(runId, id, err::println, () -> false);
            Path sidecar = ModelFileOutput.write(file, target);
            err.println("Wrote " + target.toAbsolutePath() + " and its sidecar " + sidecar);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("file", target.toAbsolutePath().toString());
            json.put("sidecar", sidecar.toString());
            json.put("model", file.info());
            console.printJson(json);
            return KinefoldCommand.OK;
        } catch (SpecException | DatasetException e) {
            err.println("kinefold: run " + runId + ": " + e.getMessage());
            return KinefoldCommand.BAD_INPUT;
        } catch (StoreException | StoreFailure | RefitRefusedException e) {
            return ExitCodes.report(e, err);
        } catch (OutputTargetException e) {
            err.println("kinefold: --out " + e.getMessage());
            return KinefoldCommand.BAD_INPUT;
        } catch (IOException e) {
            err.println("kinefold: " + target + ": cannot be written: " + e.getMessage());
            return KinefoldCommand.FAILED;
        }
    }
}
