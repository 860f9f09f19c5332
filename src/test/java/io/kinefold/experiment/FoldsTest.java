package io.kinefold.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FoldsTest {

    /** 12 subjects with 10 samples each; subject s has (s % 4 + 1) positives. */
    private static final int[] LABELS = new int[120];
    private static final String[] GROUPS = new String[120];

    static {
        for (int i = 0; i < 120; i++) {
            int s = i / 10;
            GROUPS[i] = "s" + s;
            LABELS[i] = i % 10 < s % 4 + 1 ? 1 : 0;
        }
    }

    @Test
    void neverSplitsASubjectBetweenTrainingAndTest() {
        for (Fold fold : Folds.split(LABELS, GROUPS, 4, 1)) {
            Set<String> test = new HashSet<>();
            Arrays.stream(fold.test()).forEach(i -> test.add(GROUPS[i]));
            assertThat(Arrays.stream(fold.train()).mapToObj(i -> GROUPS[i])).doesNotContainAnyElementsOf(test);
        }
    }

    @Test
    void coversEverySampleExactlyOnceAsTest() {
        List<Fold> folds = Folds.split(LABELS, GROUPS, 5, 3);
        int[] all = folds.stream().flatMapToInt(f -> Arrays.stream(f.test())).sorted().toArray();
        assertThat(all).containsExactly(IntStream.range(0, 120).toArray());
        folds.forEach(f -> assertThat(f.train().length + f.test().length).isEqualTo(120));
    }

    @Test
    void keepsEachFoldsLabelMixCloseToTheWhole() {
        // 30 of 120 are positive: 25 %
        for (Fold fold : Folds.split(LABELS, GROUPS, 3, 9)) {
            double positives = Arrays.stream(fold.test()).filter(i -> LABELS[i] == 1).count();
            assertThat(positives / fold.test().length).isBetween(0.15, 0.35);
        }
    }

    @Test
    void isFixedByTheSeed() {
        List<Fold> a = Folds.split(LABELS, GROUPS, 4, 42);
        List<Fold> b = Folds.split(LABELS, GROUPS, 4, 42);
        for (int f = 0; f < 4; f++) {
            assertThat(b.get(f).test()).containsExactly(a.get(f).test());
        }
        boolean anyDifferent = false;
        for (long seed = 0; seed < 10 && !anyDifferent; seed++) {
            anyDifferent = !Arrays.equals(Folds.split(LABELS, GROUPS, 4, seed).get(0).test(), a.get(0).test());
        }
        assertThat(anyDifferent).as("another seed gives other folds").isTrue();
    }

    @Test
    void refusesFewerThanTwoFoldsOrMoreFoldsThanSubjects() {
        assertThatThrownBy(() -> Folds.split(LABELS, GROUPS, 1, 0)).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> Folds.split(LABELS, GROUPS, 13, 0)).hasMessageContaining("subjects (12)");
    }

    @Test
    void holdsOutWholeSubjectsForValidation() {
        Fold fold = Folds.split(LABELS, GROUPS, 4, 1).get(0);
        int[][] split = Folds.validationSplit(fold.train(), GROUPS, 0.2, 5);
        assertThat(split[1]).isNotEmpty();
        assertThat(split[0].length + split[1].length).isEqualTo(fold.train().length);
        Set<String> val = new HashSet<>();
        Arrays.stream(split[1]).forEach(i -> val.add(GROUPS[i]));
        assertThat(Arrays.stream(split[0]).mapToObj(i -> GROUPS[i])).doesNotContainAnyElementsOf(val);
    }

    @Test
    void balancesRandomGroupsAcrossManySeeds() {
        Random r = new Random(1);
        int[] labels = new int[400];
        String[] groups = new String[400];
        for (int i = 0; i < 400; i++) {
            groups[i] = "g" + r.nextInt(40);
            labels[i] = r.nextInt(3);
        }
        for (long seed = 0; seed < 5; seed++) {
            List<Fold> folds = Folds.split(labels, groups, 10, seed);
            assertThat(folds).allSatisfy(f -> assertThat(f.test()).isNotEmpty());
        }
    }
}
