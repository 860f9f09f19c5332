package io.kinefold.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.experiment.Trial;
import io.kinefold.kind.StartKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Time left, from the estimate and the finished trials' cost, not their count. */
class TimeLeftTest {
    /** One long trial (grid point 0, 10 s) and nine short ones (1 s each), as the pool runs longest first. */
    private static List<Trial> longFirst() {
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            trials.add(new Trial(StartKind.id("squat"), i == 0 ? 0 : 1, Map.of(), i));
        }
        return trials;
    }

    private static double seconds(Trial t) {
        return t.gridPoint() == 0 ? 10 : 1;
    }

    @Test
    void saysNothingBeforeATenthOfTheWorkIsDone() {
        List<Trial> trials = longFirst();
        TimeLeft left = new TimeLeft(trials, TimeLeftTest::seconds, 1);

        assertThat(left.finished(trials.get(1), 1.0)).isNaN(); // 1 of 19 s of work
        assertThat(left.finished(trials.get(2), 2.0)).isFinite(); // 2 of 19: past a tenth
    }

    @Test
    void weighsTrialsByTheirCostSoThatALongFirstTrialDoesNotInflateTheFigure() {
        List<Trial> trials = longFirst();
        TimeLeft left = new TimeLeft(trials, TimeLeftTest::seconds, 1);

        // The long trial took what it should: 10 s. Counting trials would say 9 × 10 s = 90 s left.
        double remaining = left.finished(trials.get(0), 10.0);

        assertThat(remaining).isBetween(8.0, 11.0); // 9 s of work left, plus the workers' start
    }

    @Test
    void followsTheMeasurementAsTheWorkGoesOn() {
        List<Trial> trials = longFirst();
        TimeLeft left = new TimeLeft(trials, TimeLeftTest::seconds, 1);

        // everything takes twice as long as estimated: the figure moves toward the measured pace
        double early = left.finished(trials.get(0), 20.0);
        for (int i = 1; i < 9; i++) {
            left.finished(trials.get(i), 20.0 + 2 * i);
        }
        double late = left.finished(trials.get(9), 38.0);

        assertThat(early).isBetween(9.0, 18.0);
        assertThat(late).isZero();
    }
}
