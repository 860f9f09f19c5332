package io.kinefold.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinefold.experiment.ModelSummary;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ReportChartsTest {
    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** The shade behind the best grid point. */
    private static final int BEST_BAND = 0xffe9a8;

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
    void timeSeriesChartIsAPngOfTheRequestedSizeEvenWithGapsAndEmptySeries() throws IOException {
        Map<String, double[][]> series = new LinkedHashMap<>();
        series.put("w1 CPU", new double[][] {{0, 12.5}, {1, 80}, {2, Double.NaN}, {3, 95}, {4, 40}});
        series.put("w2 CPU", new double[][] {{0, 5}, {1.5, 60}, {4, 70}});
        series.put("w3 CPU", new double[0][]);

        BufferedImage image = decode(ReportCharts.timeSeriesChart("Worker CPU", "CPU load (%)", series, 720, 320));
        BufferedImage empty = decode(ReportCharts.timeSeriesChart("RAM", "Resident memory (MiB)", Map.of(), 200, 120));

        assertThat(image.getWidth()).isEqualTo(720);
        assertThat(image.getHeight()).isEqualTo(320);
        assertThat(empty.getWidth()).isEqualTo(200);
        assertThat(empty.getHeight()).isEqualTo(120);
    }

    @Test
    void chartsRefuseASizeWithoutPixels() {
        ModelSummary model = ReportFixtures.report().models().get(0);

        assertThatThrownBy(() -> ReportCharts.accuracyChart(model, 0, 300))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 × 300");
        assertThatThrownBy(() -> ReportCharts.timeSeriesChart("t", "y", Map.of(), 100, -1))
                .isInstanceOf(IllegalArgumentException.class);
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
