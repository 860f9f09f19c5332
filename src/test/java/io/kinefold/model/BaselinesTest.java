package io.kinefold.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BaselinesTest {
    private static DataBlock block(float[][] rows, int... labels) {
        return new DataBlock(rows, labels, 0, rows[0].length);
    }

    @Test
    void majorityAnswersTheMostFrequentTrainingClassEverywhere() {
        DataBlock train = block(new float[][] {{0}, {0}, {0}, {0}, {0}}, 2, 1, 2, 0, 2);
        DataBlock test = block(new float[][] {{0}, {0}, {0}, {0}}, 2, 2, 1, 0);

        Metrics m = Baselines.majority(train, test, 3);

        assertThat(m.accuracy()).isEqualTo(0.5);
        assertThat(m.confusion()).isDeepEqualTo(new int[][] {{0, 0, 1}, {0, 0, 1}, {0, 0, 2}});
        assertThat(m.epochs()).isZero();
        assertThat(m.trainSamples()).isEqualTo(5);
        assertThat(m.testSamples()).isEqualTo(4);
    }

    @Test
    void majorityBreaksATieTowardsTheLowerClass() {
        DataBlock train = block(new float[][] {{0}, {0}}, 1, 0);
        Metrics m = Baselines.majority(train, block(new float[][] {{0}}, 0), 2);
        assertThat(m.accuracy()).isEqualTo(1.0);
    }

    @Test
    void nearestAnswersTheClassOfTheClosestTrainingRow() {
        DataBlock train = block(new float[][] {{0, 0}, {10, 10}, {0, 10}}, 0, 1, 2);
        DataBlock test = block(new float[][] {{1, 1}, {9, 8}, {1, 9}, {9, 1}}, 0, 1, 2, 1);

        Metrics m = Baselines.nearest(train, test, 3);

        // (9, 1) is nearest (0, 0) at distance² 82, against 81 + 0 … (10, 10): 1 + 81 = 82, a tie: the earlier row wins.
        assertThat(m.confusion()).isDeepEqualTo(new int[][] {{1, 0, 0}, {1, 1, 0}, {0, 0, 1}});
        assertThat(m.accuracy()).isEqualTo(0.75);
    }

    @Test
    void nearestOnASequenceComparesEveryTimeStep() {
        // Two-step sequences of one feature: the same first step, told apart by the second.
        DataBlock train = new DataBlock(new float[][] {{0, 0}, {0, 5}}, new int[] {0, 1}, 2, 1);
        DataBlock test = new DataBlock(new float[][] {{0, 4}, {0, 1}}, new int[] {1, 0}, 2, 1);

        assertThat(Baselines.nearest(train, test, 2).accuracy()).isEqualTo(1.0);
    }
}
