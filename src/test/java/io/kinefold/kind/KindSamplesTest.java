package io.kinefold.kind;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.data.Dataset;
import io.kinefold.data.DatasetLoader;
import io.kinefold.data.Fixtures;
import io.kinefold.data.FrameSamples;
import io.kinefold.data.ModelId;
import io.kinefold.data.RepSamples;
import io.kinefold.data.Skeleton;
import io.kinefold.model.FeedForwardParams;
import io.kinefold.model.RecurrentParams;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How each built-in kind cuts its samples from a dataset's labels. */
class KindSamplesTest {
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
        FrameSamples s = PoseKind.frames(dataset(), PoseKind.id());
        assertThat(s.classes()).containsExactly("push-up", "squat");
        assertThat(s.labels()).containsExactly(1, 1, 1, 1, 0, 0, 0);
        assertThat(s.groups()).containsExactly("s1", "s1", "s1", "s1", "b", "b", "b");
    }

    @Test
    void startTakesEveryFrameOfItsExerciseLabelledByStartPosition() throws Exception {
        FrameSamples s = StartKind.frames(dataset(), StartKind.id("squat"));
        assertThat(s.size()).isEqualTo(10);
        assertThat(s.labels()).containsExactly(1, 1, 0, 0, 0, 0, 0, 0, 1, 1);
        assertThat(s.features()[0]).hasSize(Skeleton.FEATURES);
    }

    @Test
    void repTakesRepetitionsLabelledByCorrectnessAndResamplesThem() throws Exception {
        RepSamples s = RepKind.reps(dataset(), RepKind.id("push-up"));
        assertThat(s.labels()).containsExactly(0, 1);
        assertThat(s.groups()).containsExactly("b", "b");
        float[][][] x = s.resample(24);
        assertThat(x).hasDimensions(2, 24);
        assertThat(x[1][0]).hasSize(Skeleton.FEATURES);
    }

    @Test
    void aRepModelsBlockIsItsRepetitionsResampledToTheGridPointsLength() throws Exception {
        ModelId id = RepKind.id("push-up");
        ModelSamples s = Kinds.of(id).samples(dataset(), id);
        var block = s.block(RecurrentParams.of(Map.of("sequenceLength", 30.0)));
        assertThat(block.timeSteps()).isEqualTo(30);
        assertThat(block.rows()).hasNumberOfRows(2);
        assertThat(block.rows()[0]).hasSize(30 * Skeleton.FEATURES);
        assertThat(s.block(RecurrentParams.of(Map.of("sequenceLength", 30.0)))).isSameAs(block);
    }

    @Test
    void aFrameModelsDefaultBlockHoldsTheNormalisedTracksOwnRows() throws Exception {
        Dataset dataset = dataset();
        ModelSamples s = Kinds.of(PoseKind.id()).samples(dataset, PoseKind.id());

        var block = s.block(FeedForwardParams.of(Map.of()));

        float[][] squat = dataset.recordings().get(0).normalized().features();
        assertThat(block.features()).isEqualTo(Skeleton.FEATURES);
        assertThat(block.rows()[0]).isSameAs(squat[0]);
        assertThat(block.rows()[3]).isSameAs(squat[9]);
    }

    @Test
    void eachChoiceOfFeaturesIsItsOwnBlockTakenOnce() throws Exception {
        ModelId id = RepKind.id("push-up");
        ModelSamples s = Kinds.of(id).samples(dataset(), id);
        RecurrentParams plain = RecurrentParams.of(Map.of("sequenceLength", 24.0));
        RecurrentParams rich = RecurrentParams.of(Map.of("sequenceLength", 24.0, "velocities", 1.0, "angles", 1.0));

        var block = s.block(rich);

        assertThat(block.features()).isEqualTo(64);
        assertThat(block.rows()[0]).hasSize(24 * 64);
        assertThat(s.block(plain).features()).isEqualTo(Skeleton.FEATURES);
        assertThat(s.block(RecurrentParams.of(rich.values()))).isSameAs(block);
        // the coordinates lead each frame, unchanged by what follows them
        assertThat(java.util.Arrays.copyOfRange(block.rows()[0], 0, Skeleton.FEATURES))
                .containsExactly(java.util.Arrays.copyOfRange(s.block(plain).rows()[0], 0, Skeleton.FEATURES));
    }

    @Test
    void modelIdsRoundTripThroughText() {
        for (String text : new String[] {"pose", "start:squat", "rep:push-up"}) {
            assertThat(ModelId.parse(text).toString()).isEqualTo(text);
            assertThat(Kinds.parse(text).toString()).isEqualTo(text);
        }
    }

    @Test
    void originsNameTheRecordingAndFramesOfEverySampleInTheSamplesOrder() throws Exception {
        Dataset d = dataset();

        assertThat(new PoseKind().origins(d, PoseKind.id())).extracting(o -> o.recording() + "@" + o.firstFrame())
                .containsExactly("a@0", "a@1", "a@8", "a@9", "b@0", "b@1", "b@2");
        assertThat(new PoseKind().origins(d, PoseKind.id())).extracting(SampleOrigin::label)
                .containsExactlyElementsOf(java.util.Arrays.stream(new PoseKind().samples(d, PoseKind.id()).labels()).boxed().toList());
        assertThat(new StartKind().origins(d, StartKind.id("squat"))).extracting(SampleOrigin::label)
                .containsExactly(1, 1, 0, 0, 0, 0, 0, 0, 1, 1);
        assertThat(new RepKind().origins(d, RepKind.id("push-up")))
                .containsExactly(new SampleOrigin("b", 3, 6, 0), new SampleOrigin("b", 7, 9, 1));
    }
}
