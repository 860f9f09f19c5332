package io.kinefold.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ResultsTest {
    @Test
    void correctsTheTTestForOverlappingTrainingSets() {
        double[] a = {0.80, 0.82, 0.85, 0.79, 0.84};
        double[] b = {0.78, 0.80, 0.81, 0.78, 0.80};
        double[] ratio = {0.25, 0.25, 0.25, 0.25, 0.25};
        Significance s = Results.correctedTTest(0, 1, a, b, ratio);
        // differences 0.02 0.02 0.04 0.01 0.04: mean 0.026, sd 0.013416
        assertThat(s.meanDifference()).isCloseTo(0.026, within(1e-12));
        double expectedT = 0.026 / Math.sqrt((1.0 / 5 + 0.25) * 0.013416407864998738 * 0.013416407864998738);
        assertThat(s.t()).isCloseTo(expectedT, within(1e-9));
        // t ≈ 2.89 with 4 degrees of freedom: p ≈ 0.044
        assertThat(s.p()).isCloseTo(0.0445, within(0.002));
        assertThat(s.significant()).isTrue();
    }

    @Test
    void callsEqualFoldsNotSignificant() {
        double[] a = {0.8, 0.8, 0.8};
        Significance s = Results.correctedTTest(0, 1, a, a, new double[] {0.5, 0.5, 0.5});
        assertThat(s.p()).isEqualTo(1.0);
        assertThat(s.significant()).isFalse();
    }

    @Test
    void computesMeanAndSampleSd() {
        Stat s = Stat.of(new double[] {1, 2, 3, 4});
        assertThat(s.mean()).isEqualTo(2.5);
        assertThat(s.sd()).isCloseTo(Math.sqrt(5.0 / 3), within(1e-12));
    }
}
