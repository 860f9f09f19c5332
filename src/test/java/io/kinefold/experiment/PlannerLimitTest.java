package io.kinefold.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinefold.data.Dataset;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The planner counts trials from the grid's sizes and refuses more than its limit before expanding anything. */
class PlannerLimitTest {
    /** Ten values on each of seven parameters: ten million grid points. */
    private static final String MILLIONS = """
            {"folds": 5, "models": [{"model": "pose", "grid": {
              "units": [8,16,24,32,40,48,56,64,72,80], "hiddenLayers": [1,2,3,1,2,3,1,2,3,1],
              "epochs": [1,2,3,4,5,6,7,8,9,10], "batchSize": [8,16,24,32,40,48,56,64,72,80],
              "learningRate": [0.001,0.002,0.003,0.004,0.005,0.006,0.007,0.008,0.009,0.01],
              "dropout": [0,0.05,0.1,0.15,0.2,0.25,0.3,0.35,0.4,0.45], "l2": [0,1,2,3,4,5,6,7,8,9]}}]}""";

    private static final Dataset EMPTY = new Dataset("empty", Path.of("/nowhere"), 30, true, List.of(), List.of());

    @Test
    @Timeout(5)
    void refusesAGridOfMillionsOfPointsAtOnceNamingTheCount() throws Exception {
        ExperimentSpec spec = SpecIo.parse(MILLIONS, "s");

        assertThatThrownBy(() -> Planner.plan(spec, EMPTY)).isInstanceOf(SpecException.class)
                .hasMessageContaining("50,000,000 trials").hasMessageContaining("limit of 100,000")
                .hasMessageContaining("--allow-large");
    }

    @Test
    void countsWildcardsOncePerExerciseAndEveryFold() throws Exception {
        ExperimentSpec spec = SpecIo.parse("""
                {"folds": 3, "models": [{"model": "start:*", "grid": {"units": [8, 16], "epochs": [1, 2, 3]}},
                                        {"model": "pose", "grid": {}}]}""", "s");

        assertThat(Planner.trialCount(spec, List.of("squat", "lunge"))).isEqualTo(2 * 3 * 2 * 3 + 3);
    }

    @Test
    void saturatesInsteadOfOverflowing() throws Exception {
        StringBuilder grid = new StringBuilder();
        for (int p = 0; p < 40; p++) {
            grid.append(p == 0 ? "" : ",").append("\"p").append(p).append("\": [1,2,3,4,5,6,7,8,9,10]");
        }
        ExperimentSpec spec = SpecIo.parse("{\"folds\": 5, \"models\": [{\"model\": \"pose\", \"grid\": {" + grid + "}}]}", "s");

        assertThat(Planner.trialCount(spec, List.of())).isEqualTo(Long.MAX_VALUE);
    }
}
