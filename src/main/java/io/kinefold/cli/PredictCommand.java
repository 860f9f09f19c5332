package io.kinefold.cli;

import io.kinefold.data.DatasetException;
import io.kinefold.data.Problem;
import io.kinefold.exec.ModelFileException;
import io.kinefold.exec.ModelInfo;
import io.kinefold.exec.Predict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kinefold predict MODEL DATASET [--json]}. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Classify a dataset's samples with a model file written by refit.",
            "The samples are those the model's kind cuts: for pose the start-position frames, for start:E the frames of E's "
                + "recordings, for rep:E E's repetitions resampled to the model's T frames. One line per sample: recording, "
                + "frame (or the repetition's frames), predicted class, its probability, the dataset's label; then the "
                + "accuracy over the labelled samples."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK, ExitCodes.PREDICT_BAD_INPUT})
final class PredictCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file written by kinefold refit (.zip).")
    Path file;

    @Parameters(index = "1", paramLabel = "DATASET", description = "Dataset folder (with dataset.json).")
    Path dataset;

    @Mixin
    Console console;

    @Override
    public Integer call() {
        PrintWriter out = console.out();
        PrintWriter err = console.err();
        Predict.Predictions result;
        try {
            result = Predict.run(file, dataset);
        } catch (ModelFileException e) {
            return ExitCodes.report(e, err);
        } catch (DatasetException e) {
            err.println("kinefold: " + e.getMessage());
            for (Problem p : e.problems()) {
                err.println("  " + p);
            }
            return KinefoldCommand.BAD_INPUT;
        }
        if (console.json) {
            console.printJson(json(result));
            return KinefoldCommand.OK;
        }
        ModelInfo m = result.model();
        err.printf("Model %s from run %d, grid point %d (cross-validated accuracy %s), on %s: %d samples%n", m.model(), m.runId(),
                m.gridPoint(), fixed(m.cvAccuracy()), result.dataset(), result.predictions().size());
        int width = Math.max("recording".length(), result.predictions().stream()
                .mapToInt(p -> p.recording() == null ? 0 : p.recording().length()).max().orElse(0));
        String row = "%-" + width + "s  %-11s  %-12s  %11s  %s%n";
        out.printf(row, "recording", "frames", "predicted", "probability", "actual");
        for (Predict.Prediction p : result.predictions()) {
            out.printf(row, p.recording() == null ? "?" : p.recording(), frames(p), p.predicted(),
                    String.format(Locale.ROOT, "%.4f", p.probability()), p.actual() == null ? "-" : p.actual());
        }
        if (result.labelled() == 0) {
            out.println("Accuracy: - (no labelled samples)");
        } else {
            long right = result.predictions().stream().filter(p -> p.actual() != null && p.correct()).count();
            out.printf("Accuracy: %s (%d of %d labelled samples)%n", fixed(result.accuracy()), right, result.labelled());
        }
        out.flush();
        return KinefoldCommand.OK;
    }

    private static String frames(Predict.Prediction p) {
        if (p.firstFrame() < 0) {
            return "-";
        }
        return p.firstFrame() == p.lastFrame() ? Integer.toString(p.firstFrame()) : p.firstFrame() + "-" + p.lastFrame();
    }

    private static String fixed(Double v) {
        return v == null || !Double.isFinite(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static Map<String, Object> json(Predict.Predictions result) {
        Map<String, Object> model = new LinkedHashMap<>();
        ModelInfo m = result.model();
        model.put("file", result.file().toAbsolutePath().toString());
        model.put("model", m.model());
        model.put("runId", m.runId());
        model.put("gridPoint", m.gridPoint());
        model.put("cvAccuracy", m.cvAccuracy());
        model.put("classes", m.classes());
        model.put("hyperparameters", m.hyperparameters());
        model.put("kinefoldVersion", m.kinefoldVersion());
        List<Map<String, Object>> predictions = new ArrayList<>();
        for (Predict.Prediction p : result.predictions()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("recording", p.recording());
            if (p.firstFrame() == p.lastFrame()) {
                one.put("frame", p.firstFrame());
            } else {
                one.put("firstFrame", p.firstFrame());
                one.put("lastFrame", p.lastFrame());
            }
            one.put("predicted", p.predicted());
            one.put("probability", p.probability());
            one.put("actual", p.actual());
            predictions.add(one);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", model);
        json.put("dataset", result.dataset().toAbsolutePath().toString());
        json.put("predictions", predictions);
        json.put("labelled", result.labelled());
        json.put("accuracy", Double.isFinite(result.accuracy()) ? result.accuracy() : null);
        return json;
    }
}
