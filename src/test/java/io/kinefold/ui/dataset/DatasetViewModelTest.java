package io.kinefold.ui.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.data.synth.DatasetGenerator;
import io.kinefold.ui.common.AppContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view model without a window: results are applied on the loading thread itself. */
class DatasetViewModelTest {
    @TempDir Path dir;
    private AppContext context;
    private DatasetViewModel model;

    @BeforeEach
    void setUp() {
        context = new AppContext(dir.resolve("store.db"));
        model = new DatasetViewModel(context, Runnable::run, null);
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    private void openGenerated() throws Exception {
        Path data = dir.resolve("data");
        DatasetGenerator.generate(data, new DatasetGenerator.Options(2, 1, 2, 15));
        model.open(data).get(30, TimeUnit.SECONDS);
    }

    @Test
    void loadsRowsSummaryAndSharesTheDataset() throws Exception {
        openGenerated();

        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.datasetProperty().get()).isNotNull();
        assertThat(context.datasetProperty().get()).isSameAs(model.datasetProperty().get());
        int n = model.datasetProperty().get().recordings().size();
        assertThat(n).isGreaterThan(1);
        assertThat(model.rows()).hasSize(n);
        assertThat(model.summaryProperty().get()).startsWith(n + " recordings · ").contains("frames").contains("2 subjects");
        RecordingRow first = model.rows().get(0);
        assertThat(first.frames()).isPositive();
        assertThat(first.repsCorrect() + first.repsIncorrect()).isEqualTo(2);
    }

    @Test
    void filterMatchesIdExerciseOrSubjectIgnoringCase() throws Exception {
        openGenerated();
        int all = model.rows().size();
        String exercise = model.rows().get(0).exercise();

        model.filterProperty().set(exercise.toUpperCase());
        assertThat(model.rows()).isNotEmpty().hasSizeLessThan(all)
                .allSatisfy(r -> assertThat(r.exercise()).isEqualTo(exercise));

        String subject = model.rows().get(0).subject();
        model.filterProperty().set(subject);
        assertThat(model.rows()).allSatisfy(r -> assertThat(r.id() + r.exercise() + r.subject()).contains(subject));

        String id = model.datasetProperty().get().recordings().get(1).id();
        model.filterProperty().set(id);
        assertThat(model.rows()).extracting(RecordingRow::id).contains(id);

        model.filterProperty().set("no such thing");
        assertThat(model.rows()).isEmpty();
        model.filterProperty().set("");
        assertThat(model.rows()).hasSize(all);
    }

    @Test
    void selectionKeepsTheFrameIndexInsideTheRecording() throws Exception {
        openGenerated();
        assertThat(model.selectedProperty().get()).as("the first recording is shown after opening").isSameAs(model.rows().get(0));
        model.select(null);
        assertThat(model.frameTextProperty().get()).isEqualTo("no recording selected");

        RecordingRow row = model.rows().get(1);
        model.select(row);
        int frames = row.frames();
        assertThat(model.frameCountProperty().get()).isEqualTo(frames);
        assertThat(model.frameIndexProperty().get()).isZero();

        model.frameIndexProperty().set(frames + 50);
        assertThat(model.frameIndexProperty().get()).isEqualTo(frames - 1);
        assertThat(model.advance()).isFalse();
        model.frameIndexProperty().set(-3);
        assertThat(model.frameIndexProperty().get()).isZero();
        assertThat(model.advance()).isTrue();
        assertThat(model.frameIndexProperty().get()).isEqualTo(1);

        int number = row.recording().track().frameNumbers()[1];
        assertThat(model.frameTextProperty().get()).startsWith("frame " + number + " / " + row.recording().track().lastFrame());

        int repStart = row.recording().reps().get(0).frames().start();
        model.frameIndexProperty().set(row.recording().track().indexOf(repStart));
        assertThat(model.frameTextProperty().get()).contains("rep 1 (");

        model.select(null);
        assertThat(model.frameCountProperty().get()).isZero();
        assertThat(model.frameIndexProperty().get()).isZero();
    }

    @Test
    void anEmptyFolderGivesAPlainErrorAndNoDataset() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        model.open(empty).get(10, TimeUnit.SECONDS);

        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.datasetProperty().get()).isNull();
        assertThat(context.datasetProperty().get()).isNull();
        assertThat(model.rows()).isEmpty();
        assertThat(model.errorProperty().get())
                .startsWith("Nothing in " + empty)
                .contains("no dataset.json")
                .doesNotContain("Exception");
        assertThat(model.datasetNameProperty().get()).isEqualTo("No dataset");
    }

    @Test
    void aMissingFolderIsNamedAsSuch() throws Exception {
        model.open(dir.resolve("nowhere")).get(10, TimeUnit.SECONDS);

        assertThat(model.errorProperty().get()).endsWith("nowhere is not a folder.");
    }
}
