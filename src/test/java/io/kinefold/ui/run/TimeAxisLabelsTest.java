package io.kinefold.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The time axis of the trial timeline under the live charts, as a run of a few seconds to an hour labels it. */
class TimeAxisLabelsTest {

    @ParameterizedTest(name = "{0} s in {1} px")
    @CsvSource(textBlock = """
            3.2,   690
            6,     690
            2,    1800
            24,    690
            3600, 1800
            """)
    void noTwoLabelsReadTheSame(double span, double plot) {
        List<String> labels = TimelineChart.ticks(span, plot).stream().map(TimelineChart::tickLabel).toList();

        assertThat(labels).hasSizeGreaterThan(1).doesNotHaveDuplicates().startsWith("0 s");
        assertThat(TimelineChart.ticks(span, plot)).allSatisfy(t -> assertThat(t).isLessThanOrEqualTo(span + 1e-9));
    }
}
