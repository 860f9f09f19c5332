package io.kinefold.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinefold.experiment.BaselineResultsTest;
import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.Plan;
import io.kinefold.experiment.Results;
import io.kinefold.experiment.RunReport;
import io.kinefold.experiment.SpecIo;
import io.kinefold.experiment.TrialResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every export shows the baselines beside the grid points, with the same numbers, and the flag. */
class BaselineExportTest {
    private static final double NEAREST = (0.90 + 0.91 + 0.89) / 3;

    private static RunReport report() {
        Plan plan = BaselineResultsTest.plan();
        List<TrialResult> results = BaselineResultsTest.results(plan, new double[] {0.80, 0.82, 0.84},
                new double[] {0.70, 0.71, 0.72}, new double[] {0.60, 0.60, 0.60}, new double[] {0.90, 0.91, 0.89});
        List<ModelSummary> models = Results.summarize(plan, BaselineResultsTest.facts(), results);
        RunReport base = ReportFixtures.report();
        return new RunReport(base.run(), plan.spec(), base.provenance(), models, results);
    }

    @Test
    void csvHasARowPerBaselineWithItsExactMeanAndTheFlagOnTheBestRow() {
        List<String> lines = Exporter.render(report(), ExportFormat.CSV).lines().toList();
        List<String> header = List.of(lines.get(0).split(","));

        assertThat(lines).hasSize(1 + 2 + 2);
        String[] nearest = lines.get(4).split(",", -1);
        assertThat(nearest[header.indexOf("baseline")]).isEqualTo("nearest");
        assertThat(nearest[header.indexOf("grid_point")]).isEmpty();
        assertThat(Double.parseDouble(nearest[header.indexOf("accuracy_mean")])).isEqualTo(NEAREST);
        String[] best = lines.get(1).split(",", -1);
        assertThat(best[header.indexOf("best")]).isEqualTo("yes");
        assertThat(best[header.indexOf("flag")]).isEqualTo("not better than nearest neighbour");
        assertThat(lines.get(2).split(",", -1)[header.indexOf("flag")]).isEmpty();
    }

    @Test
    void jsonHasBaselinesKeyedByNameAndTheFlag() throws Exception {
        JsonNode model = SpecIo.MAPPER.readTree(Exporter.render(report(), ExportFormat.JSON)).get("models").get(0);

        assertThat(model.get("baselines").get("nearest").get("accuracy").get("mean").asDouble()).isEqualTo(NEAREST);
        assertThat(model.get("baselines").get("majority").get("macroF1").get("mean").asDouble()).isEqualTo(0.6);
        assertThat(model.get("bestBaseline").asText()).isEqualTo("nearest");
        assertThat(model.get("notBetterThan").asText()).isEqualTo("nearest");
        assertThat(model.get("flag").asText()).isEqualTo("not better than nearest neighbour");
        assertThat(model.get("versusBaseline").get("runnerUp").asInt()).isEqualTo(-2);
    }

    @Test
    void humanFormatsListTheBaselinesAndSayTheModelIsNotBetter() {
        for (ExportFormat format : List.of(ExportFormat.MARKDOWN, ExportFormat.LATEX, ExportFormat.HTML)) {
            String text = Exporter.render(report(), format);
            assertThat(text).as(format.name()).contains("majority").contains("nearest").contains("0.900")
                    .contains("NOT BETTER THAN NEAREST NEIGHBOUR");
        }
        assertThat(Exporter.render(report(), ExportFormat.HTML)).contains("<tr class=\"baseline\">");
    }
}
