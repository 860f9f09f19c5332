package io.kinefold.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinefold.data.DatasetLoader;
import io.kinefold.data.Fixtures;
import io.kinefold.data.ModelId;
import io.kinefold.data.ModelKind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KindsTest {
    @TempDir
    Path dir;

    @Test
    void listsTheBuiltInKindsInDisplayOrder() {
        assertThat(Kinds.all()).extracting(k -> k.kind().name()).containsExactly("pose", "start", "rep");
        assertThat(Kinds.all()).extracting(KindSpec::title).containsExactly("Pose", "Start position", "Repetition");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            pose:squat | pose takes no exercise
            start      | start needs an exercise, as in start:squat
            rep        | rep needs an exercise, as in rep:squat
            cnn:squat  | unknown model 'cnn:squat': expected pose, start:<exercise> or rep:<exercise>
            Pose!      | unknown model 'Pose!': expected pose, start:<exercise> or rep:<exercise>
            """)
    void refusesAModelItsKindDoesNotAllow(String text, String message) {
        assertThatThrownBy(() -> Kinds.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void findsTheKindOfEveryExerciseWildcard() {
        assertThat(Kinds.wildcard("start:*")).map(KindSpec::kind).contains(StartKind.KIND);
        assertThat(Kinds.wildcard("rep:*")).map(KindSpec::kind).contains(RepKind.KIND);
        assertThat(Kinds.wildcard("pose:*")).isEmpty();
        assertThat(Kinds.wildcard("start:squat")).isEmpty();
    }

    @Test
    void refusesAnUnknownKindByName() {
        assertThatThrownBy(() -> Kinds.of(new ModelKind("cnn"))).hasMessageContaining("unknown model kind 'cnn'");
    }

    @Test
    void aDatasetWithoutExercisesHasNoModels() throws Exception {
        Fixtures.recording(dir, "video", 4);
        assertThat(Kinds.models(DatasetLoader.load(dir))).isEmpty();
    }

    @Test
    void ordersKindsAsRegisteredAndUnknownOnesLast() {
        assertThat(java.util.stream.Stream.of(new ModelKind("zz"), RepKind.KIND, PoseKind.KIND, StartKind.KIND)
                .sorted(Kinds.ORDER)).containsExactly(PoseKind.KIND, StartKind.KIND, RepKind.KIND, new ModelKind("zz"));
    }

    @Test
    void modelIdsSerialiseAsTheirText() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(mapper.writeValueAsString(StartKind.id("squat"))).isEqualTo("\"start:squat\"");
        assertThat(mapper.readValue("\"rep:lunge\"", ModelId.class)).isEqualTo(RepKind.id("lunge"));
        assertThat(mapper.writeValueAsString(PoseKind.KIND)).isEqualTo("\"pose\"");
    }
}
