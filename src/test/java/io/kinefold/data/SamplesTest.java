package io.kinefold.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplesTest {
    @TempDir
    Path dir;

    private Dataset dataset() throws Exception {
        Fixtures.recording(dir.resolve("recordings/a"), "a", 10);
        Fixtures.recording(dir.resolve("recordings/b"), "b", 10);
        Fixtures.write(dir.resolve("dataset.json"), """
                {"format":"kinefold-dataset/1","recordings":[
                 {"id":"a","source":"recordings/a","subject":"s1","exercise":"squat","startFrames":[[0,1],[8,9]],
                  "reps":[{"start":2,"end":7,"correct":true}]},
                 {"id":"b","source":"recordings/b","exercise":"push-up","startFrames":[[0,2]],
                  "reps":[{"start":3,"end":6,"correct":false},{"start":7,"end":9,"correct":true}]}]}""");
        return DatasetLoader.load(dir);
    }

    @Test
    void poseTakesStartFramesLabelledWithTheirExercise() throws Exception {
        FrameSamples s = Samples.frames(dataset(), ModelId.pose());
        assertThat(s.classes()).containsExactly("push-up", "squat");
        assertThat(s.labels()).containsExactly(1, 1, 1, 1, 0, 0, 0);
        assertThat(s.groups()).containsExactly("s1", "s1", "s1", "s1", "b", "b", "b");
    }

    @Test
    void startTakesEveryFrameOfItsExerciseLabelledByStartPosition() throws Exception {
        FrameSamples s = Samples.frames(dataset(), ModelId.start("squat"));
        assertThat(s.size()).isEqualTo(10);
        assertThat(s.labels()).containsExactly(1, 1, 0, 0, 0, 0, 0, 0, 1, 1);
        assertThat(s.features()[0]).hasSize(Skeleton.FEATURES);
    }

    @Test
    void repTakesRepetitionsLabelledByCorrectnessAndResamplesThem() throws Exception {
        RepSamples s = Samples.reps(dataset(), ModelId.rep("push-up"));
        assertThat(s.labels()).containsExactly(0, 1);
        assertThat(s.groups()).containsExactly("b", "b");
        float[][][] x = s.resample(24);
        assertThat(x).hasDimensions(2, 24);
        assertThat(x[1][0]).hasSize(Skeleton.FEATURES);
    }

    @Test
    void modelIdsRoundTripThroughText() {
        for (String text : new String[] {"pose", "start:squat", "rep:push-up"}) {
            assertThat(ModelId.parse(text).toString()).isEqualTo(text);
        }
    }
}
