package io.kinefold.ui.results;

import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.RunReport;
import io.kinefold.report.AtomicFile;
import io.kinefold.report.ReportCharts;
import io.kinefold.report.ReportExtras;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The PNG files of a run's charts: which charts a run has, what they are called and how each is
 * written safely. Kept out of {@link ResultsViewModel}, which only decides when to write them and
 * says what happened, because this is plain file work with no state and no FX thread.
 */
final class ChartFiles {
    static final int ACCURACY_CHART_WIDTH = 1000;
    static final int ACCURACY_CHART_HEIGHT = 600;
    static final int RESOURCE_CHART_WIDTH = 1000;
    static final int RESOURCE_CHART_HEIGHT = 640;

    private ChartFiles() {}

    /**
     * Writes the accuracy of every model, the run's CPU and memory, and for a comparison the CPU
     * and memory of both modes into {@code folder}; returns the names of the files written.
     */
    static List<String> write(RunReport shown, ReportExtras shownExtras, Path folder) throws IOException {
        Files.createDirectories(folder);
        String prefix = "run-" + shown.run().id() + "-";
        List<String> written = new ArrayList<>();
        for (ModelSummary m : shown.models()) {
            writePng(folder, prefix + "accuracy-" + fileSafe(m.model().toString()) + ".png", written,
                    () -> ReportCharts.accuracyChart(m, ACCURACY_CHART_WIDTH, ACCURACY_CHART_HEIGHT));
        }
        if (!shownExtras.samples().isEmpty()) {
            writePng(folder, prefix + "cpu.png", written, () -> ReportCharts.cpuChart(shownExtras.samples(),
                    RESOURCE_CHART_WIDTH, RESOURCE_CHART_HEIGHT));
            writePng(folder, prefix + "memory.png", written, () -> ReportCharts.memoryChart(shownExtras.samples(),
                    RESOURCE_CHART_WIDTH, RESOURCE_CHART_HEIGHT));
        }
        if (shownExtras.comparison() != null) {
            var c = shownExtras.comparison();
            for (var mode : List.of(Map.entry("single-process", c.singleSamples()), Map.entry("pool", c.poolSamples()))) {
                if (mode.getValue().isEmpty()) {
                    continue;
                }
                writePng(folder, prefix + "comparison-cpu-" + mode.getKey() + ".png", written,
                        () -> ReportCharts.cpuChart(mode.getValue(), RESOURCE_CHART_WIDTH, RESOURCE_CHART_HEIGHT));
                writePng(folder, prefix + "comparison-memory-" + mode.getKey() + ".png", written,
                        () -> ReportCharts.memoryChart(mode.getValue(), RESOURCE_CHART_WIDTH, RESOURCE_CHART_HEIGHT));
            }
        }
        return written;
    }

    /** Written whole or not at all, and never over anything but a regular file ({@link AtomicFile}). */
    private static void writePng(Path folder, String name, List<String> written, Supplier<byte[]> png)
            throws IOException {
        AtomicFile.write(folder.resolve(name), png.get());
        written.add(name);
    }

    /** {@code start:squat} as {@code start-squat}: colons and the like are not allowed in every file system. */
    static String fileSafe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "-");
    }
}
