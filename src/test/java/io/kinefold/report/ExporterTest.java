package io.kinefold.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinefold.data.ModelId;
import io.kinefold.experiment.GridPointSummary;
import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.RunReport;
import io.kinefold.experiment.SpecIo;
import io.kinefold.experiment.Status;
import io.kinefold.experiment.TrialResult;
import io.kinefold.kind.StartKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ExporterTest {
    private static final RunReport REPORT = ReportFixtures.report();

    @Test
    void csvParsesBackToExactlyTheNumbersOfTheReport() {
        List<Map<String, String>> rows = records(Exporter.render(REPORT, ExportFormat.CSV));

        int row = 0;
        for (ModelSummary m : REPORT.models()) {
            for (int i = 0; i < m.points().size(); i++) {
                GridPointSummary p = m.points().get(i);
                Map<String, String> r = rows.get(row++);
                assertThat(r.get("model")).isEqualTo(m.model().toString());
                assertThat(Integer.parseInt(r.get("grid_point"))).isEqualTo(p.gridPoint());
                assertSameDouble(r.get("accuracy_mean"), p.accuracy().mean());
                assertSameDouble(r.get("accuracy_sd"), p.accuracy().sd());
                assertSameDouble(r.get("macro_f1_mean"), p.macroF1().mean());
                assertSameDouble(r.get("macro_f1_sd"), p.macroF1().sd());
                assertSameDouble(r.get("train_seconds_mean"), p.meanTrainSeconds());
                assertSameDouble(r.get("train_seconds_total"), p.totalTrainSeconds());
                assertThat(Integer.parseInt(r.get("folds"))).isEqualTo(p.folds());
                assertThat(Integer.parseInt(r.get("failed_folds"))).isEqualTo(p.failedFolds());
                assertThat(r.get("best")).isEqualTo(i == m.best() ? "yes" : "no");
                p.params().forEach((name, value) -> assertSameDouble(r.get(name), value));
            }
        }
        assertThat(rows).hasSize(row);
    }

    @Test
    void csvHeaderListsFeedForwardThenNewRecurrentHyperparametersInDeclarationOrder() {
        String header = Exporter.render(REPORT, ExportFormat.CSV).lines().findFirst().orElseThrow();

        assertThat(header).isEqualTo("model,grid_point,baseline,hiddenLayers,units,batchSize,learningRate,epochs,dropout,"
                + "centring,velocities,angles,lstmLayers,lstmUnits,sequenceLength,accuracy_mean,accuracy_sd,macro_f1_mean,macro_f1_sd,"
                + "train_seconds_mean,train_seconds_total,folds,failed_folds,best,flag");
    }

    @Test
    void csvLeavesHyperparametersAModelDoesNotHaveBlank() {
        List<Map<String, String>> rows = records(Exporter.render(REPORT, ExportFormat.CSV));

        Map<String, String> pose = rows.get(0);
        Map<String, String> rep = rows.get(rows.size() - 1);
        assertThat(pose.get("lstmUnits")).isEmpty();
        assertThat(pose.get("dropout")).isEqualTo("0.1");
        assertThat(rep.get("dropout")).isEmpty();
        assertThat(rep.get("lstmUnits")).isEqualTo("32");
        assertThat(rep.get("batchSize")).isEqualTo("16");
    }

    @Test
    void csvQuotesFieldsHoldingCommasAndQuotes() {
        ModelId awkward = StartKind.id("squat, \"deep\"");
        String csv = Exporter.render(ReportFixtures.withModel(awkward), ExportFormat.CSV);

        assertThat(csv).contains("\r\n\"start:squat, \"\"deep\"\"\",0,");
        assertThat(records(csv)).last().satisfies(r -> assertThat(r.get("model")).isEqualTo("start:squat, \"deep\""));
    }

    @Test
    void csvOfAModelWithoutSuccessfulFoldsSaysNaNAndNoBest() {
        Map<String, String> rep = records(Exporter.render(REPORT, ExportFormat.CSV)).get(4);

        assertThat(rep.get("model")).isEqualTo("rep:squat");
        assertThat(rep.get("accuracy_mean")).isEqualTo("NaN");
        assertThat(rep.get("failed_folds")).isEqualTo("3");
        assertThat(rep.get("best")).isEqualTo("no");
    }

    @Test
    void markdownBoldsTheBestRowAndStatesTheSignificance() {
        String md = Exporter.render(REPORT, ExportFormat.MARKDOWN);

        assertThat(md).contains("## pose", "## start:squat", "## rep:squat");
        assertThat(md).containsPattern("(?m)^\\| \\*\\*g2\\*\\* \\| \\*\\*2\\*\\* \\| \\*\\*128\\*\\* \\|.*\\*\\*0\\.8\\d\\d ± 0\\.0\\d\\d\\*\\*.*\\| \\*\\*yes\\*\\* \\|$");
        assertThat(md).containsPattern("(?m)^\\| g0 \\| 2 \\| 32 \\|.*\\| no \\|$");
        assertThat(md).contains("Best g2 vs runner-up g1: Δ accuracy +0.041, corrected t = 2.31, p = 0.046, "
                + "significant at 5 %.");
        assertThat(md).contains("majority-class rate 0.400");
    }

    @Test
    void markdownSaysWhyAModelHasNoSignificanceLine() {
        String md = Exporter.render(REPORT, ExportFormat.MARKDOWN);

        assertThat(md).contains("Best g0 has no runner-up to test against.");
        assertThat(md).contains("No grid point has a successful fold, so there is no best grid point.");
        assertThat(md).contains("## Provenance", "AMD Ryzen 5 2600 Six-Core Processor, 12 logical processors");
    }

    @Test
    void markdownEscapesTheExperimentName() {
        String md = Exporter.render(REPORT, ExportFormat.MARKDOWN);

        assertThat(md).contains("# Run 12: legs\\_&\\_arms 100% \\#1 \\$5 \\<b\\>bold\\</b\\>");
    }

    @Test
    void latexEscapesNamesInCaptions() {
        String tex = Exporter.render(REPORT, ExportFormat.LATEX);

        assertThat(tex).contains("(legs\\_\\&\\_arms 100\\% \\#1 \\$5 \\textless{}b\\textgreater{}bold"
                + "\\textless{}/b\\textgreater{})");
        assertThat(tex).contains("Best g2 vs runner-up g1: {$\\Delta$} accuracy +0.041, corrected t = 2.31, "
                + "p = 0.046, significant at 5 \\%.");
        String body = tex.lines().filter(l -> !l.startsWith("%")).reduce("", (a, b) -> a + b + "\n");
        assertThat(body).doesNotContain(ReportFixtures.NAME).doesNotContain("±").doesNotContain("Δ");
    }

    @Test
    void latexIsAStandaloneFragmentWithBooktabsAndTheBestRowInBold() {
        String tex = Exporter.render(REPORT, ExportFormat.LATEX);

        String commands = tex.replaceAll("(?m)^%.*$", "");
        assertThat(commands).doesNotContain("\\documentclass", "\\begin{document}", "\\usepackage");
        assertThat(count(tex, "\\begin{tabular}")).isEqualTo(3);
        assertThat(count(tex, "\\end{tabular}")).isEqualTo(3);
        assertThat(count(tex, "\\toprule")).isEqualTo(3);
        assertThat(count(tex, "\\midrule")).isEqualTo(3);
        assertThat(count(tex, "\\bottomrule")).isEqualTo(3);
        assertThat(tex).containsPattern("(?m)^\\\\textbf\\{g2\\} & \\\\textbf\\{2\\} & \\\\textbf\\{128\\}.*"
                + "\\\\textbf\\{yes\\} \\\\\\\\$");
        String unescaped = tex.replaceAll("\\\\[{}%$&#_]", "").replaceAll("(?m)^%.*$", "");
        assertThat(count(unescaped, "{")).isEqualTo(count(unescaped, "}"));
        assertThat(count(unescaped, "$") % 2).isZero();
    }

    @Test
    void latexRowsHaveAsManyCellsAsTheirHeader() {
        String tex = Exporter.render(REPORT, ExportFormat.LATEX);

        for (String table : tex.split("\\\\begin\\{tabular\\}")) {
            if (!table.contains("\\toprule")) {
                continue;
            }
            String columns = table.substring(1, table.indexOf('}'));
            List<String> rows = table.lines().filter(l -> l.endsWith("\\\\")).toList();
            assertThat(rows).isNotEmpty()
                    .allSatisfy(r -> assertThat(count(r, " & ")).isEqualTo(columns.length() - 1));
        }
    }

    @Test
    void jsonHoldsEveryTrialFoldByFold() throws IOException {
        JsonNode root = SpecIo.MAPPER.readTree(Exporter.render(REPORT, ExportFormat.JSON));

        JsonNode trials = root.get("trials");
        assertThat(trials).hasSize(REPORT.trials().size());
        for (int i = 0; i < REPORT.trials().size(); i++) {
            TrialResult expected = REPORT.trials().get(i);
            JsonNode t = trials.get(i);
            assertThat(t.at("/trial/key").asText()).isEqualTo(expected.trial().key());
            assertThat(t.at("/trial/fold").asInt()).isEqualTo(expected.trial().fold());
            assertThat(t.get("status").asText()).isEqualTo(expected.status().name());
            if (expected.status() == Status.SUCCEEDED) {
                assertThat(t.at("/metrics/accuracy").asDouble()).isEqualTo(expected.metrics().accuracy());
                assertThat(t.at("/metrics/macroF1").asDouble()).isEqualTo(expected.metrics().macroF1());
                assertThat(t.at("/metrics/confusion/0/0").asInt()).isEqualTo(expected.metrics().confusion()[0][0]);
                assertThat(t.at("/metrics/trainSeconds").asDouble()).isEqualTo(expected.metrics().trainSeconds());
            } else {
                assertThat(t.get("metrics").isNull()).isTrue();
                assertThat(t.get("error").asText()).isEqualTo(expected.error());
            }
        }
    }

    @Test
    void jsonHoldsRunSpecProvenanceAndModels() throws Exception {
        JsonNode root = SpecIo.MAPPER.readTree(Exporter.render(REPORT, ExportFormat.JSON));

        assertThat(root.at("/run/id").asLong()).isEqualTo(12);
        assertThat(root.at("/run/started").asText()).isEqualTo("2025-03-01T10:00:00Z");
        assertThat(SpecIo.parse(root.get("spec").toString(), "export")).isEqualTo(REPORT.spec());
        assertThat(root.at("/provenance/cpu").asText()).isEqualTo(REPORT.provenance().cpu());
        assertThat(root.get("models")).hasSize(3);
        assertThat(root.at("/models/0/model").asText()).isEqualTo("pose");
        assertThat(root.at("/models/0/points/2/accuracy/mean").asDouble())
                .isEqualTo(REPORT.models().get(0).points().get(2).accuracy().mean());
        assertThat(root.at("/models/2/best").asInt()).isEqualTo(-1);
    }

    @Test
    void htmlIsSelfContained() {
        String html = Exporter.render(REPORT, ExportFormat.HTML);

        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//");
        assertThat(html).doesNotContainPattern("(?i)<script[^>]*\\ssrc");
        assertThat(html).doesNotContainPattern("(?i)<link\\b|@import|url\\(");
        assertThat(html).contains("<style>");
        assertThat(count(html, "src=\"data:image/png;base64,")).isEqualTo(3);
        Matcher png = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        assertThat(png.find()).isTrue();
        assertThat(Base64.getDecoder().decode(png.group(1))).startsWith(ReportChartsTest.PNG_SIGNATURE);
    }

    @Test
    void htmlEscapesTextFromTheRun() {
        String html = Exporter.render(REPORT, ExportFormat.HTML);

        assertThat(html).contains("legs_&amp;_arms 100% #1 $5 &lt;b&gt;bold&lt;/b&gt;");
        assertThat(html).doesNotContain("<b>bold</b>");
        assertThat(html).contains("worker w2 died (exit 137) &lt;killed&gt;, &quot;out of memory&quot;");
    }

    @Test
    void htmlHasATableChartConfusionMatrixAndNotesPerModel() {
        String html = Exporter.render(REPORT, ExportFormat.HTML);

        assertThat(count(html, "<section id=\"m")).isEqualTo(3);
        assertThat(html).containsPattern("<tr class=\"best\"><td>g2</td>");
        assertThat(html).contains("Confusion matrix of g2, summed over 3 folds");
        assertThat(html).contains("<th scope=\"col\">push-up</th>", "<th scope=\"row\">lunge</th>");
        assertThat(html).contains("Best g2 vs runner-up g1: Δ accuracy +0.041");
        assertThat(count(html, "Classes are weighted inversely to their frequency in the training folds")).isEqualTo(3);
        assertThat(html).contains("<dt>Mode</dt><dd>pool</dd>", "<dt>Workers</dt><dd>6</dd>",
                "<dt>Wall time</dt><dd>6 min 12 s</dd>", "<dt>Status</dt><dd>SUCCEEDED</dd>",
                "<dt>Dataset</dt><dd>datasets/demo</dd>", "<dt>Dataset fingerprint</dt><dd>sha256:0123abcd</dd>");
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void everyFormatRendersFailuresSingleGridPointsAndModelsWithoutABest(ExportFormat format) {
        assertThat(Exporter.render(REPORT, format)).contains("rep:squat").contains("start:squat");
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void everyFormatRendersARunWithNothingInIt(ExportFormat format) {
        RunReport empty = new RunReport(null, null, null, List.of(), List.of());

        assertThat(Exporter.render(empty, format)).isNotBlank();
    }

    @Test
    void exportWritesTheDocumentAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("reports/run-12.md");

        Exporter.export(REPORT, ExportFormat.MARKDOWN, out);

        assertThat(out).hasContent(Exporter.render(REPORT, ExportFormat.MARKDOWN));
        assertThat(listAll(dir)).containsExactlyInAnyOrder(dir.resolve("reports"), out);
    }

    @Test
    void exportNeverCreatesTheTargetWhenRenderingFails(@TempDir Path dir) throws IOException {
        RunReport broken = new RunReport(REPORT.run(), REPORT.spec(), REPORT.provenance(), null, REPORT.trials());
        Path out = dir.resolve("run-12.csv");

        assertThatThrownBy(() -> Exporter.export(broken, ExportFormat.CSV, out)).isInstanceOf(NullPointerException.class);

        assertThat(listAll(dir)).isEmpty();
    }

    @Test
    void exportLeavesTheTargetAsItWasWhenTheMoveFails(@TempDir Path dir) throws IOException {
        Path out = Files.createDirectory(dir.resolve("run-12.json"));
        Path inside = Files.writeString(out.resolve("keep.txt"), "kept");

        assertThatThrownBy(() -> Exporter.export(REPORT, ExportFormat.JSON, out)).isInstanceOf(IOException.class);

        assertThat(listAll(dir)).containsExactlyInAnyOrder(out, inside);
        assertThat(inside).hasContent("kept");
    }

    @Test
    void exportReplacesAnExistingFile(@TempDir Path dir) throws IOException {
        Path out = Files.writeString(dir.resolve("run-12.tex"), "old");

        Exporter.export(REPORT, ExportFormat.LATEX, out);

        assertThat(Files.readString(out)).startsWith("% Kinefold results of run 12");
        assertThat(listAll(dir)).containsExactly(out);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            csv,      CSV
            md,       MARKDOWN
            tex,      LATEX
            json,     JSON
            html,     HTML
            HTML,     HTML
            markdown, MARKDOWN
            ' latex', LATEX
            """)
    void parseTakesExtensionsAndNames(String name, ExportFormat expected) {
        assertThat(ExportFormat.parse(name)).isEqualTo(expected);
        assertThat(ExportFormat.parse(expected.extension())).isEqualTo(expected);
    }

    @Test
    void parseRefusesAnUnknownFormatNamingTheAllowedOnes() {
        assertThatThrownBy(() -> ExportFormat.parse("pdf"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown export format 'pdf': expected one of csv, md, tex, json, html");
        assertThatThrownBy(() -> ExportFormat.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Bit for bit, so NaN equals NaN and no rounding slips through. */
    private static void assertSameDouble(String cell, double expected) {
        assertThat(Double.doubleToLongBits(Double.parseDouble(cell))).as(cell + " read back as " + expected)
                .isEqualTo(Double.doubleToLongBits(expected));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    private static List<Path> listAll(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> !p.equals(dir)).toList();
        }
    }

    /** Rows after the header as maps by column name, read by a strict RFC 4180 parser. */
    private static List<Map<String, String>> records(String csv) {
        List<List<String>> rows = parseCsv(csv);
        List<String> header = rows.get(0);
        List<Map<String, String>> records = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(row).hasSameSizeAs(header);
            Map<String, String> r = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                r.put(header.get(i), row.get(i));
            }
            records.add(r);
        }
        return records;
    }

    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                assertThat(field).as("a quote may only open a field").isEmpty();
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                assertThat(text.charAt(i + 1)).as("CR only as part of CRLF").isEqualTo('\n');
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        assertThat(quoted).isFalse();
        assertThat(row).isEmpty();
        return rows;
    }
}
