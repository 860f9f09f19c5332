package io.kinefold.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class TrainerTest {

    @BeforeAll
    static void oneThread() {
        Trainer.useOneNativeThread();
    }

    /** Two classes of frames told apart by the sign of the first feature, with noise. */
    private static DataBlock frames(int n, long seed) {
        Random r = new Random(seed);
        float[][] rows = new float[n][28];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3 == 0 ? 1 : 0; // imbalanced: one in three
            for (int j = 0; j < 28; j++) {
                rows[i][j] = (float) r.nextGaussian() * 0.5f;
            }
            rows[i][0] += labels[i] == 1 ? 1.5f : -1.5f;
        }
        return new DataBlock(rows, labels, 0, 28);
    }

    /** Sequences whose class is whether feature 3 rises or falls over time. */
    private static DataBlock sequences(int n, int t, long seed) {
        Random r = new Random(seed);
        float[][] rows = new float[n][t * 28];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            for (int s = 0; s < t; s++) {
                for (int j = 0; j < 28; j++) {
                    rows[i][s * 28 + j] = (float) r.nextGaussian() * 0.3f;
                }
                rows[i][s * 28 + 3] += (labels[i] == 1 ? 1 : -1) * (float) s / t * 2;
            }
        }
        return new DataBlock(rows, labels, t, 28);
    }

    private static final FeedForwardParams FF = new FeedForwardParams(2, 16, 32, 0.01, 10, 0.1);

    private static NetworkFactory dense(FeedForwardParams p) {
        return (features, classes, weights) -> new DenseNet(p, features, classes, weights);
    }

    @Test
    @Tag("slow")
    void learnsASeparableFrameProblemDespiteImbalance() {
        Metrics m = Trainer.fit(dense(FF), FF, 2, frames(300, 1), null, Integer.MAX_VALUE, frames(150, 2), 7, () -> false);
        assertThat(m.accuracy()).isGreaterThan(0.9);
        assertThat(m.macroF1()).isGreaterThan(0.9);
        assertThat(m.epochs()).isEqualTo(10);
        assertThat(m.confusion()[0][0] + m.confusion()[0][1] + m.confusion()[1][0] + m.confusion()[1][1]).isEqualTo(150);
        assertThat(m.trainSamples()).isEqualTo(300);
    }

    @Test
    @Tag("slow")
    void givesIdenticalMetricsForTheSameSeed() {
        Metrics a = Trainer.fit(dense(FF), FF, 2, frames(200, 1), null, Integer.MAX_VALUE, frames(100, 2), 11, () -> false);
        Metrics b = Trainer.fit(dense(FF), FF, 2, frames(200, 1), null, Integer.MAX_VALUE, frames(100, 2), 11, () -> false);
        assertThat(b.accuracy()).isEqualTo(a.accuracy());
        assertThat(b.confusion()).isDeepEqualTo(a.confusion());
    }

    @Test
    @Tag("slow")
    void learnsTheDirectionOfASequenceWithAnLstm() {
        RecurrentParams p = new RecurrentParams(1, 16, 24, 16, 0.01, 15);
        Metrics m = Trainer.fit((features, classes, weights) -> new LstmNet(p, features, classes, weights), p, 2, sequences(80, 24, 1), null, Integer.MAX_VALUE, sequences(40, 24, 2), 3, () -> false);
        assertThat(m.accuracy()).isGreaterThan(0.85);
    }

    @Test
    @Tag("slow")
    void stopsEarlyWhenValidationLossStopsImproving() {
        FeedForwardParams long_ = new FeedForwardParams(1, 8, 32, 0.05, 200, 0);
        Metrics m = Trainer.fit(dense(long_), long_, 2, frames(200, 1), frames(60, 3), 3, frames(60, 2), 5, () -> false);
        assertThat(m.epochs()).isLessThan(200);
        assertThat(m.accuracy()).isGreaterThan(0.9);
    }

    @Test
    void recordsTheLossOfEveryEpochAndKeepsTheEpochWithTheLowestValidationLoss() {
        FeedForwardParams p = new FeedForwardParams(1, 8, 16, 0.05, 60, 0.2);
        Metrics m = Trainer.fit(dense(p), p, 2, frames(80, 1), frames(30, 3), 4, frames(30, 2), 5, () -> false);
        LearningCurve curve = m.curve();

        assertThat(curve.epochs()).isEqualTo(m.epochs()).isLessThan(60);
        double[] validation = curve.validationLoss();
        int lowest = 0;
        for (int e = 1; e < validation.length; e++) {
            lowest = validation[e] < validation[lowest] ? e : lowest;
        }
        assertThat(curve.bestEpoch()).isEqualTo(lowest + 1);
        assertThat(m.epochs() - curve.bestEpoch()).as("epochs after the best, the patience").isEqualTo(4);
        assertThat(java.util.Arrays.stream(curve.trainLoss()).boxed()).allMatch(v -> Double.isFinite(v));
        assertThat(curve.trainLoss(m.epochs())).isLessThan(curve.trainLoss(1));
    }

    @Test
    void withoutValidationRecordsEveryEpochKeepsTheLastAndHasNoValidationLoss() {
        FeedForwardParams p = new FeedForwardParams(1, 8, 16, 0.05, 7, 0.1);
        Metrics m = Trainer.fit(dense(p), p, 2, frames(60, 1), null, 3, frames(20, 2), 5, () -> false);

        assertThat(m.curve().epochs()).isEqualTo(7);
        assertThat(m.curve().bestEpoch()).isEqualTo(7);
        assertThat(java.util.Arrays.stream(m.curve().validationLoss()).boxed()).allMatch(v -> Double.isNaN(v));
        assertThat(java.util.Arrays.stream(m.curve().trainLoss()).boxed()).allMatch(v -> Double.isFinite(v));
    }

    @Test
    void theFirstEpochsTrainingLossIsTheLossOfTheParametersEachBatchStartedFrom() {
        // One batch per epoch, no dropout: the first epoch's loss is the freshly made network's.
        FeedForwardParams p = new FeedForwardParams(2, 8, 40, 0.01, 2, 0);
        DataBlock train = frames(40, 1);
        double initial;
        try (Net net = Trainer.network(dense(p), 2, train, 9)) {
            initial = net.loss(train);
        }

        Metrics m = Trainer.fit(dense(p), p, 2, train, null, 1, frames(10, 2), 9, () -> false);

        assertThat(m.curve().trainLoss(1)).isCloseTo(initial, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(m.curve().trainLoss(2)).isLessThan(m.curve().trainLoss(1));
    }

    @Test
    void stopsWhenCancelled() {
        assertThatThrownBy(() -> Trainer.fit(dense(FF), FF, 2, frames(100, 1), null, 1, frames(10, 2), 5, () -> true))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void computesMacroF1OverClassesPresent() {
        assertThat(Trainer.macroF1(new int[][] {{8, 2}, {1, 9}})).isCloseTo((16.0 / 19 + 18.0 / 21) / 2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Trainer.accuracy(new int[][] {{8, 2}, {1, 9}})).isEqualTo(0.85);
    }
}
