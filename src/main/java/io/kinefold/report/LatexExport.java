package io.kinefold.report;

import io.kinefold.experiment.GridPointSummary;
import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.RunInfo;
import io.kinefold.experiment.RunReport;
import io.kinefold.report.ReportText.ParamColumn;
import java.util.List;
import java.util.Locale;

/**
 * A {@code table} float per model, with booktabs rules, to {@code \input} into a paper. It is a
 * fragment, not a document, so it takes the paper's class and fonts. It needs only booktabs: the
 * symbols the report writes itself (±, Δ, ×, dashes) are spelled in TeX rather than left as Unicode
 * that the paper's fonts may not have. A comparison the run took part in adds two tables before the
 * models': the totals of both modes, and the time of each grid point in each.
 */
final class LatexExport {
    private LatexExport() {}

    static String render(RunReport report, ReportExtras extras) {
        StringBuilder out = new StringBuilder();
        RunInfo run = report.run();
        // A comment runs to the end of the line: oneLine keeps a name from ending it early.
        out.append("% Kinefold results");
        if (run != null) {
            out.append(" of run ").append(run.id()).append(" (").append(ReportText.oneLine(run.experimentName())).append(')');
        }
        out.append(".\n% A fragment to \\input into a document that loads booktabs (\\usepackage{booktabs}).\n\n");
        if (extras.comparison() != null) {
            comparison(out, report, ComparisonView.of(extras.comparison().result()));
        }
        for (ModelSummary m : ReportText.orEmpty(report.models())) {
            model(out, report, m);
        }
        return out.toString();
    }

    private static void comparison(StringBuilder out, RunReport report, ComparisonView c) {
        long thisRun = report.run() == null ? -1 : report.run().id();
        String run = report.run() == null ? "" : " in run " + report.run().id();
        StringBuilder caption = new StringBuilder("Single process vs pool").append(escape(run)).append(": ")
                .append(escape(c.intro())).append(' ').append(escape(c.verdict()));
        if (c.referenceLine() != null) {
            caption.append(' ').append(escape(c.referenceLine()));
        }
        caption.append(' ').append(escape(ReportText.capitalised(ComparisonView.EFFICIENCY_NOTE))).append('.');
        String label = "tab:kinefold-" + (thisRun < 0 ? "" : "run" + thisRun + "-") + "compare";
        table(out, c.totals(thisRun), caption.toString(), label);
        TextTable perPoint = c.perGridPointTable();
        if (perPoint != null) {
            table(out, perPoint, "Time per grid point" + escape(run) + ", single process vs pool: "
                    + escape(ComparisonView.PER_POINT_NOTE) + '.', label + "-grid-points");
        }
    }

    private static void table(StringBuilder out, TextTable t, String caption, String label) {
        out.append("\\begin{table}[htbp]\n\\centering\n\\footnotesize\n");
        out.append("\\caption{").append(caption).append("}\n");
        out.append("\\label{").append(label).append("}\n");
        out.append("\\begin{tabular}{").append("l".repeat(t.textColumns()))
                .append("r".repeat(t.header().size() - t.textColumns())).append("}\n");
        out.append("\\toprule\n");
        row(out, t.header().stream().map(LatexExport::escape).toList(), false);
        out.append("\\midrule\n");
        for (List<String> cells : t.rows()) {
            row(out, cells.stream().map(LatexExport::escape).toList(), false);
        }
        out.append("\\bottomrule\n\\end{tabular}\n\\end{table}\n\n");
    }

    private static void model(StringBuilder out, RunReport report, ModelSummary m) {
        List<ParamColumn> params = ReportText.modelColumns(m);
        List<String> header = ReportText.headerLabels(params);
        out.append("\\begin{table}[htbp]\n\\centering\n\\footnotesize\n");
        out.append("\\caption{").append(caption(report, m)).append("}\n");
        out.append("\\label{").append(label(report, m)).append("}\n");
        out.append("\\begin{tabular}{l").append("r".repeat(header.size() - 2)).append("l}\n");
        out.append("\\toprule\n");
        row(out, header.stream().map(LatexExport::escape).toList(), false);
        out.append("\\midrule\n");
        for (GridPointSummary p : ReportText.rows(m)) {
            boolean best = ReportText.isBest(m, p);
            row(out, ReportText.humanCells(p, params, best).stream().map(LatexExport::escape).toList(), best);
        }
        out.append("\\bottomrule\n\\end{tabular}\n\\end{table}\n\n");
    }

    private static String caption(RunReport report, ModelSummary m) {
        StringBuilder c = new StringBuilder();
        c.append(escape(m.model().toString()));
        if (report.run() != null) {
            c.append(" in run ").append(report.run().id()).append(" (").append(escape(report.run().experimentName()))
                    .append(')');
        }
        c.append(": mean ").append(escape("±")).append(" sd over folds, best grid point in bold. Majority-class rate ")
                .append(ReportText.fixed(m.majorityRate(), 3)).append("; ").append(ReportText.IMBALANCE_NOTE)
                .append(". ").append(escape(ReportText.capitalised(ReportText.significance(m)))).append(". ")
                .append(escape(ReportText.capitalised(ReportText.baselineVerdict(m)))).append('.');
        return c.toString();
    }

    /** Labels take no markup at all: only letters, digits and dashes survive. */
    private static String label(RunReport report, ModelSummary m) {
        String run = report.run() == null ? "" : "run" + report.run().id() + "-";
        return "tab:kinefold-" + run + m.model().toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static void row(StringBuilder out, List<String> cells, boolean bold) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(" & ");
            }
            String c = cells.get(i);
            out.append(bold && !c.isEmpty() ? "\\textbf{" + c + "}" : c);
        }
        out.append(" \\\\\n");
    }

    /**
     * Escapes the ten characters TeX gives a meaning and spells the few non-ASCII symbols the
     * report itself writes, so no input encoding or font package is needed.
     */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char ch : ReportText.oneLine(s).toCharArray()) {
            switch (ch) {
                case '\\' -> b.append("\\textbackslash{}");
                case '{' -> b.append("\\{");
                case '}' -> b.append("\\}");
                case '_' -> b.append("\\_");
                case '%' -> b.append("\\%");
                case '&' -> b.append("\\&");
                case '#' -> b.append("\\#");
                case '$' -> b.append("\\$");
                case '~' -> b.append("\\textasciitilde{}");
                case '^' -> b.append("\\textasciicircum{}");
                // OT1, LaTeX's default font encoding, prints these as inverted ! and ?.
                case '<' -> b.append("\\textless{}");
                case '>' -> b.append("\\textgreater{}");
                case '|' -> b.append("\\textbar{}");
                // Braced so that two in a row never read as $$, display math.
                case '±' -> b.append("{$\\pm$}");
                case 'Δ' -> b.append("{$\\Delta$}");
                case '∞' -> b.append("{$\\infty$}");
                case '×' -> b.append("{$\\times$}");
                case '−' -> b.append("{$-$}");
                case '—' -> b.append("---");
                case '–' -> b.append("--");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
