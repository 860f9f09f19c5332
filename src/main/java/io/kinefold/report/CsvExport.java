package io.kinefold.report;

import io.kinefold.experiment.Baseline;
import io.kinefold.experiment.GridPointSummary;
import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.RunReport;
import io.kinefold.experiment.TrialResult;
import io.kinefold.model.LearningCurve;
import io.kinefold.model.ParamDef;
import io.kinefold.report.ReportText.ParamColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * One row per grid point and baseline of every model, RFC 4180: a grid point's row has its index
 * in {@code grid_point}, a baseline's its name in {@code baseline}; the best grid point's row
 * carries the model's flag when it is not better than a baseline. Metrics are written with
 * {@link Double#toString} so that a script reading the file gets back the very doubles the run
 * computed, not a rounded copy; rounding is for the human formats. The learning curves go to a
 * second file, {@link #renderCurves}, in long format: one row per epoch of every trial.
 */
final class CsvExport {
    private static final String EOL = "\r\n";

    private CsvExport() {}

    static String render(RunReport report) {
        List<ModelSummary> models = ReportText.orEmpty(report.models());
        List<ParamColumn> params = ReportText.unionColumns(models);
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("model", "grid_point", "baseline"));
        params.forEach(c -> header.add(c.name()));
        header.addAll(List.of("accuracy_mean", "accuracy_sd", "macro_f1_mean", "macro_f1_sd", "train_seconds_mean",
                "train_seconds_total", "folds", "failed_folds", "best", "flag"));
        row(out, header);
        for (ModelSummary m : models) {
            for (GridPointSummary p : ReportText.rows(m)) {
                Baseline baseline = Baseline.ofGridPoint(p.gridPoint());
                boolean best = ReportText.isBest(m, p);
                List<String> cells = new ArrayList<>();
                cells.add(m.model().toString());
                cells.add(baseline == null ? Integer.toString(p.gridPoint()) : "");
                cells.add(baseline == null ? "" : baseline.key());
                for (ParamColumn c : params) {
                    Double v = ReportText.param(p, c);
                    // Whole numbers without ".0": ParamDef.format still parses back to the same double.
                    cells.add(v == null ? "" : ParamDef.format(v));
                }
                cells.add(Double.toString(p.accuracy().mean()));
                cells.add(Double.toString(p.accuracy().sd()));
                cells.add(Double.toString(p.macroF1().mean()));
                cells.add(Double.toString(p.macroF1().sd()));
                cells.add(Double.toString(p.meanTrainSeconds()));
                cells.add(Double.toString(p.totalTrainSeconds()));
                cells.add(Integer.toString(p.folds()));
                cells.add(Integer.toString(p.failedFolds()));
                cells.add(ReportText.yesNo(best));
                cells.add(best && m.flag() != null ? m.flag() : "");
                row(out, cells);
            }
        }
        return out.toString();
    }

    /**
     * One row per epoch of every trial that recorded a learning curve, in the report's trial
     * order: {@code run, model, grid_point, fold, epoch} (from 1), {@code train_loss},
     * {@code validation_loss} ({@code NaN} without a validation block) and {@code chosen}, yes on
     * the epoch whose parameters the trial kept. Long rather than wide so that a plotting script
     * groups by trial without knowing how many epochs each ran.
     */
    static String renderCurves(RunReport report) {
        StringBuilder out = new StringBuilder();
        row(out, List.of("run", "model", "grid_point", "fold", "epoch", "train_loss", "validation_loss", "chosen"));
        String run = report.run() == null ? "" : Long.toString(report.run().id());
        for (TrialResult t : ReportText.orEmpty(report.trials())) {
            LearningCurve curve = t.metrics() == null ? LearningCurve.NONE : t.metrics().curve();
            for (int epoch = 1; epoch <= curve.epochs(); epoch++) {
                row(out, List.of(run, t.trial().model().toString(), Integer.toString(t.trial().gridPoint()),
                        Integer.toString(t.trial().fold()), Integer.toString(epoch),
                        Double.toString(curve.trainLoss(epoch)), Double.toString(curve.validationLoss(epoch)),
                        ReportText.yesNo(epoch == curve.bestEpoch())));
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(cells.get(i)));
        }
        out.append(EOL);
    }

    static String field(String s) {
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
