/**
 * Exports of a finished (or interrupted) run: CSV for spreadsheets and scripts, Markdown and
 * LaTeX tables for notes and papers, one JSON document with every fold of every trial, and a
 * single self-contained HTML report whose charts are drawn with JFreeChart in Java2D and
 * embedded as PNG data, so the file can be mailed or archived and still open years later
 * without a network. Everything here reads a {@link io.kinefold.experiment.RunReport} and
 * nothing else: no database, no JavaFX, no state between calls, and a report with failed
 * trials, a single grid point or no successful fold at all still renders in every format.
 */
package io.kinefold.report;
