package io.kinefold.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.experiment.GridPointSummary;
import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.Stat;
import io.kinefold.kind.StartKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Human formats name a choice's value (centring hip, velocities on); CSV keeps the number. */
class ChoiceNamesTest {
    @Test
    void humanCellsNameChoicesAndCsvKeepsNumbers() {
        GridPointSummary point = new GridPointSummary(StartKind.id("squat"), 0,
                Map.of("units", 32.0, "centring", 1.0, "velocities", 1.0, "angles", 0.0), new Stat(0.9, 0.01),
                new Stat(0.88, 0.02), 0.1, 0.3, 3, 0, new int[][] {{1, 0}, {0, 1}});
        ModelSummary m = new ModelSummary(StartKind.id("squat"), List.of("other", "start"), 0.7, List.of(point), 0, null);
        List<ReportText.ParamColumn> columns = ReportText.modelColumns(m);

        List<String> cells = ReportText.humanCells(point, columns, true);
        List<String> names = columns.stream().map(ReportText.ParamColumn::name).toList();

        assertThat(cells.get(1 + names.indexOf("centring"))).isEqualTo("hip");
        assertThat(cells.get(1 + names.indexOf("velocities"))).isEqualTo("on");
        assertThat(cells.get(1 + names.indexOf("angles"))).isEqualTo("off");
        assertThat(cells.get(1 + names.indexOf("units"))).isEqualTo("32");
        assertThat(ReportText.paramText("centring", 1.0)).isEqualTo("hip");
        assertThat(ReportText.paramText("units", 32.0)).isEqualTo("32");
        assertThat(Exporter.render(new io.kinefold.experiment.RunReport(ReportFixtures.report().run(), null, null, List.of(m),
                List.of()), ExportFormat.CSV).lines().skip(1).findFirst().orElseThrow()).contains(",32,").contains(",1,");
    }
}
