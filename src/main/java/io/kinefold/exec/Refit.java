package io.kinefold.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kinefold.data.DatasetException;
import io.kinefold.data.ModelId;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.GridPointSummary;
import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.RunReport;
import io.kinefold.experiment.SpecException;
import io.kinefold.experiment.SpecIo;
import io.kinefold.experiment.Workload;
import io.kinefold.kind.KindSpec;
import io.kinefold.kind.Kinds;
import io.kinefold.model.Hyperparameters;
import io.kinefold.model.Trainer;
import io.kinefold.monitor.AppInfo;
import io.kinefold.store.StoreException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The best model out of a run, for the command line and the GUI alike: the grid point of a model
 * that the run's results rank best, trained on all of that model's samples (less the subjects
 * held out for early stopping when the spec stops early, as a trial holds them out), seeded, in
 * this process. The caller writes the {@link ModelFile} it returns.
 */
public final class Refit {
    private final RunService service;

    public Refit(RunService service) {
        this.service = service;
    }

    /**
     * Refits the best grid point of {@code model} in run {@code runId}.
     *
     * @param status told what is happening, in words, from this thread
     * @param cancelled checked between batches
     * @throws StoreException no such run, or the store cannot be read
     * @throws RefitRefusedException the run has no such model, no grid point of it succeeded, or
     *     its dataset changed since the run
     * @throws SpecException the run's spec no longer fits its dataset
     * @throws DatasetException the run's dataset cannot be read (moved or deleted)
     * @throws CancellationException when cancelled
     */
    public ModelFile run(long runId, ModelId model, Consumer<String> status, BooleanSupplier cancelled)
            throws StoreException, RefitRefusedException, SpecException, DatasetException {
        status.accept("Reading run " + runId + " …");
        RunReport report = service.report(runId);
        ModelSummary summary = report.models().stream().filter(m -> m.model().equals(model)).findFirst()
                .orElseThrow(() -> new RefitRefusedException("run " + runId + " has no model " + model + "; its models: "
                        + report.models().stream().map(m -> m.model().toString()).collect(Collectors.joining(", "))));
        GridPointSummary best = summary.bestPoint();
        if (best == null) {
            throw new RefitRefusedException("run " + runId + ": model " + model
                    + " has no grid point with a succeeded fold, so there is no best one to refit");
        }
        status.accept("Loading the dataset of run " + runId + " …");
        RunService.Prepared prepared = service.prepareStored(runId);
        String change = service.datasetChange(runId, prepared);
        if (change != null) {
            throw new RefitRefusedException("run " + runId + ", model " + model + ": " + prepared.datasetDir() + ": " + change
                    + "; refit refused, as the model would be trained on other data than the run chose its grid point on");
        }
        Workload workload = prepared.workload();
        Workload.RefitData data = workload.refitData(model, best.params());
        KindSpec kind = Kinds.of(model);
        Hyperparameters params = kind.hyperparameters(best.params());
        int patience = workload.spec().earlyStopping() == null ? Integer.MAX_VALUE : workload.spec().earlyStopping().patience();
        int validationSamples = data.validation() == null ? 0 : data.validation().size();
        status.accept("Training " + model + ", grid point " + best.gridPoint() + " (" + describe(params) + "), on "
                + data.train().size() + " samples" + (validationSamples > 0 ? ", " + validationSamples + " held out for early stopping" : "")
                + " …");
        try (Trainer.Trained trained = Trainer.train((features, classes, weights) -> kind.network(params, features, classes, weights),
                params, data.classes().size(), data.train(), data.validation(), patience, data.seed(), cancelled)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                trained.net().writeParams(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a byte array does not fail
            }
            byte[] weights = bytes.toByteArray();
            ModelInfo info = new ModelInfo(ModelFile.FORMAT, AppInfo.version(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                    model.toString(), runId, report.spec().name(), best.gridPoint(), finite(best.accuracy().mean()),
                    finite(best.accuracy().sd()), finite(best.macroF1().mean()), best.folds(), params.values(), data.classes(),
                    data.train().features(), data.train().timeSteps(), trained.net().paramCount(), ModelFile.PARAMS_ENTRY,
                    ModelFile.PARAMS_ENCODING, ModelFile.sha256(weights), prepared.datasetDir().toString(), workload.fingerprint(),
                    data.seed(), data.train().size(), validationSamples, trained.epochs(), finite(trained.trainAccuracy()),
                    specTree(report.spec()));
            status.accept("Trained " + model + " for " + trained.epochs() + (trained.epochs() == 1 ? " epoch" : " epochs") + " in "
                    + String.format(Locale.ROOT, "%.1f s", trained.trainSeconds()) + "; training accuracy "
                    + String.format(Locale.ROOT, "%.3f", trained.trainAccuracy()) + ", cross-validated "
                    + String.format(Locale.ROOT, "%.3f", best.accuracy().mean()));
            return new ModelFile(info, weights);
        }
    }

    /** The spec as its own files write it. */
    private static JsonNode specTree(ExperimentSpec spec) {
        try {
            return SpecIo.MAPPER.readTree(SpecIo.toJson(spec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read back the spec just written", e);
        }
    }

    private static String describe(Hyperparameters params) {
        return params.values().entrySet().stream().map(e -> e.getKey() + " " + plain(e.getValue())).collect(Collectors.joining(", "));
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
