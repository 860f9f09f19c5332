package io.kinefold.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kinefold.kind.Kinds;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Real detector output from {@code ../shared/data/squat-real}; skipped where it is absent. */
class SquatRealTest {
    static final Path SQUAT_REAL = Path.of("..", "shared", "data", "squat-real");

    @Test
    void loadsRealTfPoseOutputWithoutProblems() throws Exception {
        assumeTrue(Files.isDirectory(SQUAT_REAL), "../shared/data/squat-real is not here");
        Dataset d = DatasetLoader.load(SQUAT_REAL);
        DatasetSummary s = DatasetSummary.of(d, Kinds.sampleCounts(d));
        assertThat(s.recordings()).isEqualTo(25);
        assertThat(s.layouts()).containsExactly(java.util.Map.entry("COCO_18", 25));
        assertThat(s.exercises().get("squat").correctReps()).isEqualTo(13);
        assertThat(s.exercises().get("squat").incorrectReps()).isEqualTo(12);
        assertThat(s.problems()).isEmpty();
        assertThat(s.samples().get("rep:squat")).isEqualTo(25);
    }
}
