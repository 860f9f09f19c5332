package io.kinefold.report;

import io.kinefold.exec.ComparisonResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinefold.experiment.RunReport;
import io.kinefold.experiment.SpecIo;
import io.kinefold.monitor.ResourceSample;
import io.kinefold.monitor.ResourceSummary;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the resource samples and a single-vs-pool comparison add to each format. */
class ReportExtrasTest {
    private static final RunReport REPORT = ReportFixtures.comparedReport();
    private static final ReportExtras EXTRAS = ReportFixtures.extras();
    private static final Pattern IMAGE = Pattern.compile(
            "<img width=\"(\\d+)\" height=\"(\\d+)\" alt=\"[^\"]*\" src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\">");

    @Test
    void htmlPutsTheComparisonBeforeTheModelsAndTheResourcesAfterThem() {
        String html = Exporter.render(REPORT, ExportFormat.HTML, EXTRAS);

        int compare = html.indexOf("<section id=\"compare\">\n<h2>Single process vs pool</h2>");
        int firstModel = html.indexOf("<section id=\"m0-pose\">");
        int lastModel = html.indexOf("<section id=\"m2-rep-squat\">");
        int resources = html.indexOf("<section id=\"resources\">\n<h2>Resources</h2>");
        int run = html.indexOf("<section id=\"run\">");
        assertThat(compare).isPositive().isLessThan(firstModel);
        assertThat(resources).isGreaterThan(lastModel).isLessThan(run);
        assertThat(html).contains("<li><a href=\"#compare\">Single process vs pool</a></li>",
                "<li><a href=\"#resources\">Resources</a></li>");
    }

    @Test
    void htmlStatesTheSpeedupEfficiencyAndTheReference() {
        String html = Exporter.render(REPORT, ExportFormat.HTML, EXTRAS);

        assertThat(html).contains("<p class=\"verdict\">Speedup 1.76× with 2 workers, parallel efficiency 88 %; "
                + "metrics identical in both modes: yes.</p>");
        assertThat(html).contains("<p class=\"reference\">2 independent CPU-bound processes on this machine: 1.95× "
                + "— the pool reached 90 % of it.</p>");
    }

    @Test
    void htmlTotalsShowBothModesSideBySideAndMarkThisReportsRun() {
        String html = Exporter.render(REPORT, ExportFormat.HTML, EXTRAS);
        long poolPeak = peaks(ReportFixtures.poolSamples()).stream().mapToLong(Long::longValue).max().orElseThrow();
        long poolSum = peaks(ReportFixtures.poolSamples()).stream().mapToLong(Long::longValue).sum();

        assertThat(html).contains("<th scope=\"col\">Single process, run 11</th>"
                + "<th scope=\"col\">Pool, run 12 (this report)</th>");
        assertThat(html).contains("<tr><td class=\"text\">Workers</td><td>1</td><td>2</td></tr>",
                "<tr><td class=\"text\">Wall time</td><td>51.0 s</td><td>29.0 s</td></tr>",
                "<tr><td class=\"text\">Trial time, summed over trials</td><td>46.3 s</td><td>49.8 s</td></tr>",
                "<tr><td class=\"text\">Speedup over the single process</td><td>1.00×</td><td>1.76×</td></tr>",
                "<tr><td class=\"text\">Parallel efficiency</td><td>100 %</td><td>88 %</td></tr>");
        assertThat(html).containsPattern("<tr><td class=\"text\">Peak RSS per worker \\(largest\\)</td><td>\\d+ MB</td>"
                + "<td>" + (poolPeak >> 20) + " MB</td></tr>");
        assertThat(html).containsPattern("<tr><td class=\"text\">Sum of the workers&#39; peak RSS</td><td>\\d+ MB</td>"
                + "<td>" + (poolSum >> 20) + " MB</td></tr>");
        assertThat(html).containsPattern("<td>\\d+ MB of 16384 MB</td><td>\\d+ MB of 16384 MB</td>");
    }

    @Test
    void htmlHasTheScalingAndPerGridPointTables() {
        String html = Exporter.render(REPORT, ExportFormat.HTML, EXTRAS);

        assertThat(html).contains("<h3>Scaling</h3>", "<tr><td>2</td><td>29.0 s</td><td>1.76×</td><td>88 %</td></tr>");
        assertThat(html).contains("<h3>Time per grid point</h3>",
                "<tr><td class=\"text\">pose</td><td class=\"text\">g2</td><td>12.7</td><td>13.9</td><td>1.09</td></tr>",
                "<tr><td class=\"text\">rep:squat</td><td class=\"text\">g1</td><td>8.2</td><td>9.1</td><td>1.11</td></tr>",
                "<tr><td class=\"text\">All grid points</td><td class=\"text\"></td><td>46.3</td><td>49.8</td>"
                        + "<td>1.08</td></tr>");
    }

    @Test
    void htmlEmbedsEveryChartAsAPngOfItsStatedSize() throws IOException {
        String html = Exporter.render(REPORT, ExportFormat.HTML, EXTRAS);

        Matcher image = IMAGE.matcher(html);
        List<String> sizes = new ArrayList<>();
        while (image.find()) {
            byte[] png = Base64.getDecoder().decode(image.group(3));
            assertThat(png).startsWith(ReportChartsTest.PNG_SIGNATURE);
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(decoded.getWidth()).isEqualTo(Integer.parseInt(image.group(1)));
            assertThat(decoded.getHeight()).isEqualTo(Integer.parseInt(image.group(2)));
            sizes.add(decoded.getWidth() + "x" + decoded.getHeight());
        }
        // Three models, CPU and memory of both modes side by side, CPU and memory of this run.
        assertThat(sizes).hasSize(9);
        assertThat(sizes).filteredOn(s -> s.equals(HtmlExport.PAIR_CHART_WIDTH + "x" + HtmlExport.PAIR_CHART_HEIGHT))
                .hasSize(4);
        String pair = html.substring(html.indexOf("<div class=\"pair\">"), html.indexOf("</div>\n</section>"));
        assertThat(pair).containsSubsequence("CPU load over time of the machine and each worker: Single process (1 worker)",
                "CPU load over time of the machine and each worker: Pool (2 workers)",
                "Memory in use over time and each worker&#39;s RSS: Single process (1 worker)",
                "Memory in use over time and each worker&#39;s RSS: Pool (2 workers)");
    }

    @Test
    void htmlWithExtrasIsStillSelfContainedAndEscaped() {
        String html = Exporter.render(REPORT, ExportFormat.HTML, EXTRAS);

        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//");
        assertThat(html).doesNotContainPattern("(?i)<script[^>]*\\ssrc");
        assertThat(html).doesNotContainPattern("(?i)<link\\b|@import|url\\(");
        assertThat(html).doesNotContainPattern("(?i)<img(?![^>]*src=\"data:image/png;base64,)");
        assertThat(html).contains("The spec legs_&amp;_arms 100% #1 $5 &lt;b&gt;bold&lt;/b&gt; (24 trials)");
        assertThat(html).doesNotContain("<b>bold</b>");
    }

    @Test
    void htmlResourcesSummaryListsSamplesCpuMemoryAndEachWorkersPeak() {
        String html = Exporter.render(REPORT, ExportFormat.HTML, EXTRAS);
        List<Long> peaks = peaks(ReportFixtures.poolSamples());

        String resources = html.substring(html.indexOf("<section id=\"resources\">"));
        assertThat(resources).contains("<tr><td class=\"text\">Samples</td><td>30, about one every 1.0 s</td></tr>",
                "<tr><td class=\"text\">Machine CPU, mean</td><td>17 %</td></tr>",
                "<tr><td class=\"text\">Machine CPU, peak</td><td>20 %</td></tr>",
                "<tr><td class=\"text\">Peak RSS of w1</td><td>" + (peaks.get(0) >> 20) + " MB</td></tr>",
                "<tr><td class=\"text\">Peak RSS of w2</td><td>" + (peaks.get(1) >> 20) + " MB</td></tr>");
        assertThat(resources).containsPattern("Machine memory in use, peak</td><td>\\d+ MB of 16384 MB</td>");
    }

    @Test
    void htmlShowsOnlyWhatIsThere() {
        ObjectNode bare = (ObjectNode) ReportFixtures.comparisonJson();
        bare.remove(List.of("reference", "speedupOfReference", "scaling"));
        ReportExtras noSamples = new ReportExtras(List.of(), new Comparison(ComparisonResult.fromJson(bare), List.of(), List.of()));

        String html = Exporter.render(REPORT, ExportFormat.HTML, noSamples);
        String plain = Exporter.render(REPORT, ExportFormat.HTML, ReportExtras.NONE);

        assertThat(html).contains("<section id=\"compare\">", "Speedup 1.76×", "<h3>Time per grid point</h3>",
                "No resource samples were stored for these runs.");
        assertThat(html).doesNotContain("independent CPU-bound processes", "<h3>Scaling</h3>", "id=\"resources\"",
                "href=\"#resources\"");
        assertThat(plain).doesNotContain("id=\"compare\"", "href=\"#compare\"", "id=\"resources\"");
        assertThat(plain).isEqualTo(Exporter.render(REPORT, ExportFormat.HTML));
    }

    @Test
    void markdownHasTheComparisonTablesAndAResourcesSummary() {
        String md = Exporter.render(REPORT, ExportFormat.MARKDOWN, EXTRAS);

        assertThat(md).contains("## Single process vs pool",
                "**Speedup 1.76× with 2 workers, parallel efficiency 88 %; metrics identical in both modes: yes.**",
                "2 independent CPU-bound processes on this machine: 1.95× — the pool reached 90 % of it.");
        assertThat(md).contains("| Total | Single process, run 11 | Pool, run 12 (this report) |\n| --- | ---: | ---: |\n",
                "| Wall time | 51.0 s | 29.0 s |", "| Speedup over the single process | 1.00× | 1.76× |");
        assertThat(md).contains("### Per grid point",
                "| Model | Grid point | Single (s) | Pool (s) | Pool / single |\n| --- | --- | ---: | ---: | ---: |\n"
                        + "| pose | g0 | 6.4 | 6.8 | 1.06 |\n| pose | g1 | 9.5 | 10.1 | 1.06 |\n"
                        + "| pose | g2 | 12.7 | 13.9 | 1.09 |\n| start:squat | g0 | 6.2 | 6.5 | 1.05 |\n"
                        + "| rep:squat | g0 | 3.3 | 3.4 | 1.03 |\n| rep:squat | g1 | 8.2 | 9.1 | 1.11 |\n"
                        + "| All grid points |  | 46.3 | 49.8 | 1.08 |\n");
        assertThat(md).contains("### Scaling", "| 2 | 29.0 s | 1.76× | 88 % |");
        assertThat(md).contains("## Resources", "| Samples | 30, about one every 1.0 s |", "| Peak RSS of w2 |");
        assertThat(md.indexOf("## Single process vs pool")).isLessThan(md.indexOf("## pose"));
        assertThat(md.indexOf("## Resources")).isGreaterThan(md.indexOf("## rep:squat"))
                .isLessThan(md.indexOf("## Provenance"));
        assertThat(md).doesNotContain("data:image");
    }

    @Test
    void latexHasTheComparisonTotalsAndPerGridPointTables() {
        String tex = Exporter.render(REPORT, ExportFormat.LATEX, EXTRAS);

        assertThat(count(tex, "\\begin{tabular}")).isEqualTo(5);
        assertThat(tex).contains("\\label{tab:kinefold-run12-compare}", "\\label{tab:kinefold-run12-compare-grid-points}");
        assertThat(tex).contains("Speedup 1.76{$\\times$} with 2 workers, parallel efficiency 88 \\%",
                "2 independent CPU-bound processes on this machine: 1.95{$\\times$} --- the pool reached 90 \\% of it.");
        assertThat(tex).contains("Wall time & 51.0 s & 29.0 s \\\\", "pose & g2 & 12.7 & 13.9 & 1.09 \\\\",
                "rep:squat & g1 & 8.2 & 9.1 & 1.11 \\\\");
        assertThat(tex.indexOf("tab:kinefold-run12-compare-grid-points")).isLessThan(tex.indexOf("tab:kinefold-run12-pose"));
        String body = tex.lines().filter(l -> !l.startsWith("%")).reduce("", (a, b) -> a + b + "\n");
        assertThat(body).doesNotContain("×", "—", ReportFixtures.NAME);
        for (String table : tex.split("\\\\begin\\{tabular\\}")) {
            if (table.contains("\\toprule")) {
                String columns = table.substring(1, table.indexOf('}'));
                assertThat(table.lines().filter(l -> l.endsWith("\\\\")).toList())
                        .allSatisfy(r -> assertThat(count(r, " & ")).isEqualTo(columns.length() - 1));
            }
        }
    }

    @Test
    void jsonHasTheResourcesSummaryAndTheComparisonAsStored() throws IOException {
        JsonNode root = SpecIo.MAPPER.readTree(Exporter.render(REPORT, ExportFormat.JSON, EXTRAS));
        ResourceSummary expected = ResourceSummary.of(ReportFixtures.poolSamples(), Double.NaN);

        // Compared as text read back, as a reader of the file gets it: 433 is an int there, whatever it was in memory.
        assertThat(root.get("comparison")).isEqualTo(SpecIo.MAPPER.readTree(ReportFixtures.comparisonJson().toString()));
        assertThat(root.at("/resources/samples").asInt()).isEqualTo(30);
        assertThat(root.at("/resources/meanMachineCpu").asDouble()).isEqualTo(expected.meanCpu());
        assertThat(root.at("/resources/peakMachineCpu").asDouble()).isEqualTo(expected.peakCpu());
        assertThat(root.at("/resources/peakMemUsedMb").asLong()).isEqualTo(expected.peakMemUsedBytes() >> 20);
        assertThat(root.at("/resources/memTotalMb").asLong()).isEqualTo(16_384);
        assertThat(root.at("/resources/peakRssMbByWorker/w2").asLong())
                .isEqualTo(expected.peakRssBytesByWorker().get("w2") >> 20);
        assertThat(root.at("/resources/meanSampleMillis").isNull()).isTrue();
        assertThat(root.get("trials")).hasSize(REPORT.trials().size());
    }

    @Test
    void jsonWithoutExtrasHasNullResourcesAndComparison() throws IOException {
        JsonNode root = SpecIo.MAPPER.readTree(Exporter.render(REPORT, ExportFormat.JSON));

        assertThat(root.get("resources").isNull()).isTrue();
        assertThat(root.get("comparison").isNull()).isTrue();
    }

    @Test
    void csvIsTheSameWithOrWithoutExtras() {
        assertThat(Exporter.render(REPORT, ExportFormat.CSV, EXTRAS)).isEqualTo(Exporter.render(REPORT, ExportFormat.CSV));
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void everyFormatRendersAComparisonWithMissingOrMalformedFields(ExportFormat format) throws IOException {
        JsonNode odd = SpecIo.MAPPER.readTree("""
                {"speedup": "NaN", "single": {"workers": "one"}, "multi": 7, "reference": {},
                 "scaling": [{}], "perGridPoint": [{"model": null}, 3]}""");
        ReportExtras extras = new ReportExtras(List.of(), new Comparison(ComparisonResult.fromJson(odd), List.of(), List.of()));

        String text = Exporter.render(REPORT, format, extras);

        assertThat(text).isNotBlank();
        if (format == ExportFormat.HTML || format == ExportFormat.MARKDOWN) {
            assertThat(text).contains("Speedup —, parallel efficiency —; metrics identical in both modes: —.");
        }
    }

    @Test
    void exportWithExtrasWritesWhatRenderGives(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("run-12.html");

        Exporter.export(REPORT, ExportFormat.HTML, out, EXTRAS);

        assertThat(out).hasContent(Exporter.render(REPORT, ExportFormat.HTML, EXTRAS));
    }

    @Test
    void extrasAndComparisonRefuseWhatTheyCannotShow() {
        assertThatThrownBy(() -> Exporter.render(REPORT, ExportFormat.HTML, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("extras");
        assertThatThrownBy(() -> new ReportExtras(null, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Comparison(null, List.of(), List.of())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ComparisonResult.fromJson(SpecIo.MAPPER.createArrayNode()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON object");
    }

    @Test
    void comparisonKeepsItsOwnCopyOfTheDocument() {
        ObjectNode json = (ObjectNode) ReportFixtures.comparisonJson();
        Comparison comparison = new Comparison(ComparisonResult.fromJson(json), List.of(), List.of());

        json.put("speedup", 99.0);

        assertThat(comparison.result().speedup()).isEqualTo(1.7586206896551724);
    }

    /** Each worker's peak RSS in bytes, in natural order of names. */
    private static List<Long> peaks(List<ResourceSample> samples) {
        return List.copyOf(ResourceSummary.of(samples, Double.NaN).peakRssBytesByWorker().values());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
