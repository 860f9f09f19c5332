package io.kinefold.report;

import io.kinefold.experiment.RunReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Renders a run's report in one of the {@link ExportFormat}s and writes it out.
 *
 * <pre>{@code
 * Exporter.export(store.report(runId), ExportFormat.parse("html"), Path.of("run-12.html"));
 * }</pre>
 */
public final class Exporter {
    private Exporter() {}

    /** The whole document as text (UTF-8 when written), with the run's results only. */
    public static String render(RunReport report, ExportFormat format) {
        return render(report, format, ReportExtras.NONE);
    }

    /**
     * The whole document as text (UTF-8 when written), with the run's resource samples and the
     * comparison it took part in where the format has room for them: HTML shows both with charts,
     * Markdown and LaTeX their tables, JSON a summary of the samples and the comparison as stored;
     * CSV stays one row per grid point (the learning curves are {@link #renderCurves}, a file of
     * their own).
     */
    public static String render(RunReport report, ExportFormat format, ReportExtras extras) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(extras, "extras (ReportExtras.NONE for none)");
        Objects.requireNonNull(report.models(), "report.models");
        return switch (format) {
            case CSV -> CsvExport.render(report);
            case MARKDOWN -> MarkdownExport.render(report, extras);
            case LATEX -> LatexExport.render(report, extras);
            case JSON -> JsonExport.render(report, extras);
            case HTML -> HtmlExport.render(report, extras);
        };
    }

    /** {@link #export(RunReport, ExportFormat, Path, ReportExtras)} with the run's results only. */
    public static void export(RunReport report, ExportFormat format, Path out) throws IOException {
        export(report, format, out, ReportExtras.NONE);
    }

    /**
     * Renders the report and writes it to {@code out}, replacing what is there. The document is
     * rendered in full before any file is touched, then written beside the target and moved over
     * it, so a failure at any point leaves the target as it was and no temporary file behind.
     * CSV writes a second file, the trials' learning curves, at {@link #curvesFile}{@code (out)}:
     * both are rendered first, then written one after the other, the curves second.
     */
    public static void export(RunReport report, ExportFormat format, Path out, ReportExtras extras) throws IOException {
        Objects.requireNonNull(out, "out");
        String document = render(report, format, extras);
        if (format == ExportFormat.CSV) {
            String curves = CsvExport.renderCurves(report);
            Path curvesOut = curvesFile(out);
            AtomicFile.checkTarget(curvesOut.toAbsolutePath()); // refuse before writing either
            AtomicFile.write(out, document);
            AtomicFile.write(curvesOut, curves);
        } else {
            AtomicFile.write(out, document);
        }
    }

    /** The trials' learning curves as CSV, one row per epoch of each trial: the file beside a CSV export. */
    public static String renderCurves(RunReport report) {
        Objects.requireNonNull(report, "report");
        return CsvExport.renderCurves(report);
    }

    /**
     * Where a CSV export to {@code csvOut} puts the learning curves: beside it, its name with
     * {@code -curves} before the extension ({@code run-12.csv} → {@code run-12-curves.csv}; a name
     * without {@code .csv} gets {@code -curves.csv} appended).
     */
    public static Path curvesFile(Path csvOut) {
        String name = csvOut.getFileName().toString();
        String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return csvOut.resolveSibling(stem + "-curves.csv");
    }
}
