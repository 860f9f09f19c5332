package io.kinefold.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinefold.experiment.RunReport;
import io.kinefold.experiment.SpecIo;
import io.kinefold.experiment.Status;
import io.kinefold.experiment.TrialResult;
import io.kinefold.model.LearningCurve;
import io.kinefold.model.Metrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The trials' learning curves in the JSON export and in the CSV file of curves beside the CSV export. */
class CurveExportTest {
    private static final RunReport REPORT = withCurves(ReportFixtures.report());

    /**
     * The fixture's report with a curve on every succeeded trial but the first (which keeps none,
     * as a trial stored before curves were kept): fold + 2 epochs, without validation on fold 0.
     */
    private static RunReport withCurves(RunReport report) {
        List<TrialResult> trials = new ArrayList<>();
        boolean first = true;
        for (TrialResult t : report.trials()) {
            if (t.status() == Status.SUCCEEDED && !first) {
                Metrics m = t.metrics();
                trials.add(new TrialResult(t.trial(), t.status(), new Metrics(m.accuracy(), m.macroF1(), m.confusion(),
                        m.trainSeconds(), m.epochs(), m.trainSamples(), m.testSamples(), curve(t)), t.error(), t.worker(),
                        t.wallSeconds()));
            } else {
                trials.add(t);
            }
            first &= t.status() != Status.SUCCEEDED;
        }
        return new RunReport(report.run(), report.spec(), report.provenance(), report.models(), trials);
    }

    private static LearningCurve curve(TrialResult t) {
        int epochs = t.trial().fold() + 2;
        double[] train = new double[epochs];
        double[] validation = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            train[e] = 1.0 / (e + 1) + t.trial().gridPoint() * 0.1;
            validation[e] = t.trial().fold() == 0 ? Double.NaN : 0.5 + Math.abs(e - 1) / 3.0;
        }
        return new LearningCurve(train, validation, t.trial().fold() == 0 ? epochs : 2);
    }

    @Test
    void csvOfCurvesHasARowPerEpochOfEveryTrialThatRecordedOne() {
        List<String[]> rows = Exporter.renderCurves(REPORT).lines().map(l -> l.split(",", -1)).toList();

        assertThat(rows.get(0)).containsExactly("run", "model", "grid_point", "fold", "epoch", "train_loss", "validation_loss", "chosen");
        int row = 1;
        for (TrialResult t : REPORT.trials()) {
            LearningCurve c = t.metrics() == null ? LearningCurve.NONE : t.metrics().curve();
            for (int epoch = 1; epoch <= c.epochs(); epoch++) {
                String[] r = rows.get(row++);
                assertThat(r).hasSize(8);
                assertThat(r[0]).isEqualTo(Long.toString(REPORT.run().id()));
                assertThat(r[1]).isEqualTo(t.trial().model().toString());
                assertThat(Integer.parseInt(r[2])).isEqualTo(t.trial().gridPoint());
                assertThat(Integer.parseInt(r[3])).isEqualTo(t.trial().fold());
                assertThat(Integer.parseInt(r[4])).isEqualTo(epoch);
                assertThat(Double.doubleToLongBits(Double.parseDouble(r[5]))).isEqualTo(Double.doubleToLongBits(c.trainLoss(epoch)));
                assertThat(Double.doubleToLongBits(Double.parseDouble(r[6]))).isEqualTo(Double.doubleToLongBits(c.validationLoss(epoch)));
                assertThat(r[7]).isEqualTo(epoch == c.bestEpoch() ? "yes" : "no");
            }
        }
        assertThat(rows).hasSize(row);
        assertThat(row).as("rows of curves").isGreaterThan(10);
        assertThat(rows).filteredOn(r -> r[7].equals("yes")).hasSize((int) REPORT.trials().stream()
                .filter(t -> t.metrics() != null && t.metrics().curve().epochs() > 0).count());
        assertThat(rows).anySatisfy(r -> assertThat(r[6]).isEqualTo("NaN"));
    }

    @Test
    void jsonHoldsEachTrialsCurveAndNullForATrialWithout() throws IOException {
        JsonNode trials = SpecIo.MAPPER.readTree(Exporter.render(REPORT, ExportFormat.JSON)).get("trials");

        int withCurve = 0;
        for (int i = 0; i < REPORT.trials().size(); i++) {
            TrialResult t = REPORT.trials().get(i);
            JsonNode curve = trials.get(i).at("/metrics/curve");
            if (t.metrics() == null) {
                continue;
            }
            LearningCurve c = t.metrics().curve();
            if (c.epochs() == 0) {
                assertThat(curve.isNull()).as("trial %s", t.trial().key()).isTrue();
                continue;
            }
            withCurve++;
            assertThat(curve.get("bestEpoch").asInt()).isEqualTo(c.bestEpoch());
            assertThat(curve.get("trainLoss")).hasSize(c.epochs());
            assertThat(curve.get("validationLoss")).hasSize(c.epochs());
            for (int e = 1; e <= c.epochs(); e++) {
                // Bit for bit: NaN (written as "NaN") equals NaN.
                assertThat(Double.doubleToLongBits(curve.get("trainLoss").get(e - 1).asDouble()))
                        .isEqualTo(Double.doubleToLongBits(c.trainLoss(e)));
                assertThat(Double.doubleToLongBits(curve.get("validationLoss").get(e - 1).asDouble()))
                        .isEqualTo(Double.doubleToLongBits(c.validationLoss(e)));
            }
        }
        assertThat(withCurve).isGreaterThan(3);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            run-12.csv,   run-12-curves.csv
            RUN-12.CSV,   RUN-12-curves.csv
            results,      results-curves.csv
            a.b.csv,      a.b-curves.csv
            """)
    void theCurvesFileSitsBesideTheCsvExportNamedAfterIt(String csv, String curves) {
        Path out = Path.of("exports", csv);

        assertThat(Exporter.curvesFile(out)).isEqualTo(Path.of("exports", curves));
    }

    @Test
    void csvExportWritesTheResultsAndTheCurvesBesideThem(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("run-12.csv");

        Exporter.export(REPORT, ExportFormat.CSV, out);

        assertThat(out).hasContent(Exporter.render(REPORT, ExportFormat.CSV));
        assertThat(dir.resolve("run-12-curves.csv")).hasContent(Exporter.renderCurves(REPORT));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void otherFormatsWriteOneFile(@TempDir Path dir) throws IOException {
        Exporter.export(REPORT, ExportFormat.JSON, dir.resolve("run-12.json"));

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("run-12.json"));
        }
    }
}
