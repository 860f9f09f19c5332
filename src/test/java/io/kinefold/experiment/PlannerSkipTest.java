package io.kinefold.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinefold.data.Dataset;
import io.kinefold.data.DatasetLoader;
import io.kinefold.monitor.AppInfo;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A model the dataset cannot have is left out and reported, so one preset serves datasets of one exercise and of many. */
class PlannerSkipTest {
    private static Dataset squatsOnly;

    @BeforeAll
    static void load() throws Exception {
        Dataset bundled = DatasetLoader.load(Path.of(AppInfo.BUNDLED_DATASET));
        squatsOnly = new Dataset("squats", bundled.root(), bundled.fps(), bundled.labelled(),
                bundled.recordings().stream().filter(r -> "squat".equals(r.exercise())).toList(), bundled.problems());
    }

    @Test
    void theQuickPresetOnOneExerciseSkipsPoseAndSaysWhy() throws Exception {
        Plan plan = Planner.plan(SpecIo.readResource("quick"), squatsOnly);

        assertThat(plan.models()).extracting(m -> m.model().toString()).containsExactly("start:squat", "rep:squat");
        assertThat(plan.skipped()).containsExactly("pose: pose needs at least two exercises; the dataset has [squat]");
    }

    @Test
    void aSpecOfOnlyModelsTheDatasetCannotHaveIsRefused() throws Exception {
        ExperimentSpec spec = SpecIo.parse("""
                {"folds": 3, "models": [{"model": "pose", "grid": {}}]}""", "s");

        assertThatThrownBy(() -> Planner.plan(spec, squatsOnly)).isInstanceOf(SpecException.class)
                .hasMessageContaining("none can be trained on this dataset").hasMessageContaining("at least two exercises");
    }
}
