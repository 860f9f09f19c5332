/**
 * Exports of a finished (or interrupted) run: CSV for spreadsheets and scripts, Markdown and
 * LaTeX tables for notes and papers, one JSON document with every fold of every trial, and a
 * single self-contained HTML report whose charts are drawn with JFreeChart in Java2D and
 * embedded as PNG data, so the file can be mailed or archived and still open years later
 * without a network. Everything here reads a {@link io.kinefold.experiment.RunReport} and, where
 * the caller has them, {@link io.kinefold.report.ReportExtras}: the run's resource samples and the
 * single-process-vs-pool comparison it took part in. Nothing else: no database, no JavaFX, no
 * state between calls, and a report with failed trials, a single grid point, no successful fold,
 * no samples or a comparison document with fields missing still renders in every format.
 */
package io.kinefold.report;
