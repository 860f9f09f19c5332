package io.kinefold.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinefold.experiment.ModelSummary;
import io.kinefold.monitor.ResourceSample;
import io.kinefold.report.ResourceCharts.Axes;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportChartsTest {
    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** The shade behind the best grid point. */
    private static final int BEST_BAND = 0xffe9a8;
    /** The machine's line, w1's and w2's in resource charts. */
    private static final int MACHINE = 0x303030;
    private static final int W1 = 0x1f77b4;
    private static final int W2 = 0xe8710a;

    @Test
    void accuracyChartIsAPngOfTheRequestedSize() throws IOException {
        byte[] png = ReportCharts.accuracyChart(ReportFixtures.report().models().get(0), 640, 300);

        assertThat(png).startsWith(PNG_SIGNATURE);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(300);
    }

    @Test
    void accuracyChartShadesTheBestGridPointOnlyWhenThereIsOne() throws IOException {
        ModelSummary withBest = ReportFixtures.report().models().get(0);
        ModelSummary withoutBest = ReportFixtures.report().models().get(2);

        assertThat(pixels(decode(ReportCharts.accuracyChart(withBest, 500, 300)), BEST_BAND)).isGreaterThan(1000);
        assertThat(pixels(decode(ReportCharts.accuracyChart(withoutBest, 500, 300)), BEST_BAND)).isZero();
    }

    @Test
    void resourceChartsAreOfTheRequestedSizeEvenWithGapsAndNoSamples() throws IOException {
        // The pool's samples have gaps: a worker without a CPU figure at its first sample, w1 absent once.
        BufferedImage image = decode(ReportCharts.cpuChart(ReportFixtures.poolSamples(), 720, 320));
        BufferedImage empty = decode(ReportCharts.memoryChart(List.of(), 200, 120));

        assertThat(image.getWidth()).isEqualTo(720);
        assertThat(image.getHeight()).isEqualTo(320);
        assertThat(empty.getWidth()).isEqualTo(200);
        assertThat(empty.getHeight()).isEqualTo(120);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            960, 440
            640, 460
            300, 200
            """)
    void resourceChartsArePngsOfTheRequestedSize(int width, int height) throws IOException {
        List<ResourceSample> samples = ReportFixtures.poolSamples();

        for (byte[] png : List.of(ReportCharts.cpuChart(samples, width, height),
                ReportCharts.memoryChart(samples, width, height))) {
            BufferedImage image = decode(png);
            assertThat(image.getWidth()).isEqualTo(width);
            assertThat(image.getHeight()).isEqualTo(height);
        }
    }

    @Test
    void resourceChartsDrawTheMachineAndEachWorkerInItsOwnColour() throws IOException {
        BufferedImage pool = decode(ReportCharts.cpuChart(ReportFixtures.poolSamples(), 960, 440));
        BufferedImage single = decode(ReportCharts.memoryChart(ReportFixtures.singleSamples(), 960, 440));

        assertThat(pixels(pool, MACHINE)).isGreaterThan(500);
        assertThat(pixels(pool, W1)).isGreaterThan(200);
        assertThat(pixels(pool, W2)).isGreaterThan(200);
        assertThat(pixels(single, MACHINE)).isGreaterThan(500);
        assertThat(pixels(single, W1)).isGreaterThan(200);
        assertThat(pixels(single, W2)).isZero();
    }

    @Test
    void resourceChartsOfNoSamplesDrawNoLine() throws IOException {
        BufferedImage cpu = decode(ReportCharts.cpuChart(List.of(), 400, 300));
        BufferedImage memory = decode(ReportCharts.memoryChart(List.of(), 400, 300));

        assertThat(cpu.getWidth()).isEqualTo(400);
        // Antialiased text may hit the machine's near-black on a few pixels; a line would take hundreds.
        assertThat(pixels(cpu, MACHINE)).isLessThan(20);
        assertThat(pixels(memory, MACHINE)).isLessThan(20);
        assertThat(pixels(cpu, W1) + pixels(memory, W1)).isZero();
    }

    @Test
    void axesFitEveryRunSoThatChartsSideBySideShareTheirScales() {
        List<ResourceSample> single = ReportFixtures.singleSamples();
        List<ResourceSample> pool = ReportFixtures.poolSamples();

        Axes both = Axes.fitting(List.of(single, pool));
        Axes alone = Axes.fitting(List.of(pool));

        double singleSeconds = (single.get(single.size() - 1).epochMillis() - single.get(0).epochMillis()) / 1000.0;
        assertThat(both.seconds()).isEqualTo(singleSeconds);
        assertThat(alone.seconds()).isLessThan(singleSeconds);
        assertThat(both.machineCpuPercent()).isEqualTo(Math.max(Axes.fitting(List.of(single)).machineCpuPercent(),
                alone.machineCpuPercent()));
        assertThat(both.workerRssMb()).isGreaterThanOrEqualTo(alone.workerRssMb());
        // Memory is drawn up to the machine's total, so the headroom shows.
        assertThat(both.machineMemoryMb()).isEqualTo(16_384);
        assertThat(Axes.fitting(List.of(List.of())).seconds()).isNaN();
    }

    @Test
    void chartsRefuseASizeWithoutPixels() {
        ModelSummary model = ReportFixtures.report().models().get(0);

        assertThatThrownBy(() -> ReportCharts.accuracyChart(model, 0, 300))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 × 300");
        assertThatThrownBy(() -> ReportCharts.cpuChart(ReportFixtures.poolSamples(), 100, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportCharts.cpuChart(List.of(), 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportCharts.memoryChart(List.of(), 10, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        assertThat(png).startsWith(PNG_SIGNATURE);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).isNotNull();
        return image;
    }

    private static int pixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
