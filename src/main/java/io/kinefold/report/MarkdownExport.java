package io.kinefold.report;

import io.kinefold.experiment.GridPointSummary;
import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.Provenance;
import io.kinefold.experiment.RunInfo;
import io.kinefold.experiment.RunReport;
import io.kinefold.report.ReportText.ParamColumn;
import java.util.List;

/**
 * A heading and a table per model, for notes and pull requests; GitHub-flavoured tables. A
 * comparison the run took part in comes first, as tables, and the resource samples as a summary
 * before the provenance; charts are the HTML report's.
 */
final class MarkdownExport {
    private MarkdownExport() {}

    static String render(RunReport report, ReportExtras extras) {
        StringBuilder out = new StringBuilder();
        RunInfo run = report.run();
        out.append("# ").append(title(run)).append("\n\n");
        if (run != null) {
            out.append(escape(runLine(report))).append("\n\n");
        }
        if (extras.comparison() != null) {
            comparison(out, ComparisonView.of(extras.comparison().result()), run == null ? -1 : run.id());
        }
        for (ModelSummary m : ReportText.orEmpty(report.models())) {
            model(out, m);
        }
        if (!extras.samples().isEmpty()) {
            out.append("## Resources\n\n");
            table(out, ResourceText.summary(extras.samples()));
            out.append(escape(ReportText.capitalised(ResourceText.NOTE))).append(".\n\n");
        }
        provenance(out, report.provenance());
        return out.toString();
    }

    private static void comparison(StringBuilder out, ComparisonView c, long thisRun) {
        out.append("## Single process vs pool\n\n");
        out.append(escape(c.intro())).append("\n\n");
        out.append("**").append(escape(c.verdict())).append("**\n\n");
        if (c.referenceLine() != null) {
            out.append(escape(c.referenceLine())).append("\n\n");
        }
        table(out, c.totals(thisRun));
        out.append(escape(ReportText.capitalised(ComparisonView.EFFICIENCY_NOTE))).append(".\n\n");
        TextTable scaling = c.scalingTable();
        if (scaling != null) {
            out.append("### Scaling\n\n");
            table(out, scaling);
        }
        TextTable perPoint = c.perGridPointTable();
        if (perPoint != null) {
            out.append("### Per grid point\n\n");
            table(out, perPoint);
            out.append(escape(ReportText.capitalised(ComparisonView.PER_POINT_NOTE))).append(".\n\n");
        }
    }

    private static void table(StringBuilder out, TextTable t) {
        row(out, t.header().stream().map(MarkdownExport::escape).toList(), false);
        out.append('|');
        for (int i = 0; i < t.header().size(); i++) {
            out.append(i < t.textColumns() ? " --- |" : " ---: |");
        }
        out.append('\n');
        for (List<String> cells : t.rows()) {
            row(out, cells.stream().map(MarkdownExport::escape).toList(), false);
        }
        out.append('\n');
    }

    private static String title(RunInfo run) {
        if (run == null) {
            return "Kinefold run";
        }
        return escape("Run " + run.id() + ": " + ReportText.oneLine(run.experimentName()));
    }

    private static String runLine(RunReport report) {
        RunInfo run = report.run();
        StringBuilder s = new StringBuilder();
        s.append(run.status()).append(", ").append(run.mode()).append(" with ").append(run.workers())
                .append(run.workers() == 1 ? " worker" : " workers").append(", wall time ")
                .append(ReportText.seconds(run.wallSeconds())).append(", ").append(run.trialsDone()).append(" of ")
                .append(run.trialsTotal()).append(" trials done, dataset ").append(ReportText.oneLine(run.dataset()));
        if (report.spec() != null) {
            s.append(", ").append(report.spec().folds()).append(" folds, seed ").append(report.spec().seed());
        }
        return s.append('.').toString();
    }

    private static void model(StringBuilder out, ModelSummary m) {
        List<ParamColumn> params = ReportText.modelColumns(m);
        out.append("## ").append(escape(m.model().toString())).append("\n\n");
        List<String> header = ReportText.headerLabels(params);
        row(out, header.stream().map(MarkdownExport::escape).toList(), false);
        out.append('|');
        for (int i = 0; i < header.size(); i++) {
            out.append(i == 0 || i == header.size() - 1 ? " --- |" : " ---: |");
        }
        out.append('\n');
        for (GridPointSummary p : ReportText.rows(m)) {
            boolean best = ReportText.isBest(m, p);
            row(out, ReportText.humanCells(p, params, best).stream().map(MarkdownExport::escape).toList(), best);
        }
        out.append('\n');
        out.append("Mean ± sd over folds. Classes: ")
                .append(escape(String.join(", ", ReportText.orEmpty(m.classes()).stream().map(ReportText::oneLine).toList())))
                .append("; majority-class rate ").append(ReportText.fixed(m.majorityRate(), 3))
                .append(" (the accuracy of always answering the most frequent class); ")
                .append(ReportText.IMBALANCE_NOTE).append(".\n\n");
        out.append(escape(ReportText.capitalised(ReportText.significance(m)))).append(".\n\n");
        out.append(escape(ReportText.capitalised(ReportText.baselineVerdict(m)))).append(".\n\n");
    }

    private static void row(StringBuilder out, List<String> cells, boolean bold) {
        out.append('|');
        for (String c : cells) {
            out.append(' ').append(bold && !c.isEmpty() ? "**" + c + "**" : c).append(" |");
        }
        out.append('\n');
    }

    private static void provenance(StringBuilder out, Provenance p) {
        out.append("## Provenance\n\n");
        if (p == null) {
            out.append("Not recorded.\n");
            return;
        }
        item(out, "Kinefold", p.appVersion());
        item(out, "Java", p.java());
        item(out, "DL4J", p.dl4j());
        item(out, "OS", p.os());
        item(out, "CPU", p.cpu() + ", " + p.cores() + " logical processors");
        item(out, "RAM", ReportText.bytes(p.ramBytes()));
        item(out, "Dataset fingerprint", p.datasetFingerprint());
    }

    private static void item(StringBuilder out, String name, String value) {
        out.append("- ").append(name).append(": ").append(escape(ReportText.oneLine(value))).append('\n');
    }

    /**
     * Backslash-escapes what Markdown would otherwise read as markup, including a table cell's
     * pipe and GitHub's {@code $} math and {@code ~} strike-through.
     */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : ReportText.oneLine(s).toCharArray()) {
            if ("\\`*_{}[]<>#|!$~".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
