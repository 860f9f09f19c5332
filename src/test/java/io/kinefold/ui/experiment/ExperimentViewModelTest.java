package io.kinefold.ui.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.data.Dataset;
import io.kinefold.data.DatasetLoader;
import io.kinefold.data.synth.DatasetGenerator;
import io.kinefold.exec.RunEstimate;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.ModelGrid;
import io.kinefold.experiment.Planner;
import io.kinefold.experiment.SpecIo;
import io.kinefold.kind.PoseKind;
import io.kinefold.kind.RepKind;
import io.kinefold.kind.StartKind;
import io.kinefold.monitor.AppInfo;
import io.kinefold.ui.common.AppContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The view model without a window: planning, files and the FX thread are all the test's own thread. */
class ExperimentViewModelTest {
    private static Dataset bundled;

    @TempDir Path tmp;
    private AppContext context;
    private ExperimentViewModel model;

    @BeforeAll
    static void loadBundledDataset() throws Exception {
        bundled = DatasetLoader.load(Path.of(AppInfo.BUNDLED_DATASET));
    }

    @BeforeEach
    void setUp() {
        context = new AppContext(tmp.resolve("t.db"), Preferences.userRoot().node("kinefold-test/experiment"));
        clearPreferences(); // a removed node can come back with its values until the removal is flushed
        model = new ExperimentViewModel(context, Runnable::run, Runnable::run);
        context.datasetProperty().set(bundled);
    }

    @AfterEach
    void tearDown() throws Exception {
        context.preferences().removeNode();
        context.close();
    }

    private void clearPreferences() {
        try {
            context.preferences().clear();
        } catch (java.util.prefs.BackingStoreException e) {
            throw new IllegalStateException(e);
        }
    }

    private ModelEntry entry(String id) {
        return model.models().stream().filter(e -> e.title().equals(id)).findFirst().orElseThrow();
    }

    private GridField field(String id, String param) {
        return entry(id).field(param).orElseThrow();
    }

    @Test
    void listsTheNineModelsOfTheDatasetByKind() {
        assertThat(model.models()).extracting(ModelEntry::title).containsExactly("pose",
                "start:lunge", "start:push-up", "start:shoulder-press", "start:squat",
                "rep:lunge", "rep:push-up", "rep:shoulder-press", "rep:squat");
        assertThat(entry("pose").fields()).extracting(GridField::label).contains("Units per layer", "Epochs");
        assertThat(entry("rep:squat").fields()).extracting(f -> f.def().name()).contains("lstmUnits", "sequenceLength");
        assertThat(model.selectedProperty().get().title()).isEqualTo("pose");
    }

    @Test
    void loadsTheQuickPresetWithTheDatasetAndCountsItsTrialsAsThePlannerDoes() throws Exception {
        ExperimentSpec quick = SpecIo.readResource("quick");
        int expected = Planner.plan(quick, bundled).trialCount();

        assertThat(model.trialsProperty().get()).isEqualTo(expected).isEqualTo(300); // 246 of networks, 54 of baselines
        assertThat(model.gridPointsProperty().get()).isEqualTo(82); // pose 2, start 4 × 4, rep 16 × 4
        assertThat(model.summaryProperty().get()).isEqualTo("9 models · 82 grid points · 300 trials (54 of baselines)");
        assertThat(model.problems()).isEmpty();
        assertThat(context.specProperty().get()).isNotNull();
        assertThat(Planner.plan(context.specProperty().get(), bundled).trialCount()).isEqualTo(expected);
        assertThat(context.specProperty().get().dataset()).isEqualTo(bundled.root().toString());
        assertThat(field("pose", "units").textProperty().get()).isEqualTo("48");
        assertThat(model.estimateProperty().get()).startsWith("≈ ").contains("in one process").contains("GB RAM");
    }

    @Test
    void anotherGridValueAddsOneTrialPerFold() {
        int before = model.trialsProperty().get();

        field("pose", "units").textProperty().set("16, 32, 48");

        assertThat(model.trialsProperty().get()).isEqualTo(before + 2 * 2 * 3); // two more units, both centrings
        assertThat(entry("pose").countTextProperty().get()).isEqualTo("6 points · 18 trials");
        assertThat(context.specProperty().get().models().get(0).grid().get("units")).containsExactly(16.0, 32.0, 48.0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0        | Units per layer: 0 is outside 2–1024
            abc      | Units per layer: “abc” is not a number
            ''       | Units per layer: at least one value
            16, 16   | Units per layer: a value is listed twice (16)
            16.5     | Units per layer: 16.5 is not a whole number
            """)
    void refusesAnInvalidValueWithItsReasonAndWithdrawsTheSpec(String text, String reason) {
        field("pose", "units").textProperty().set(text);

        assertThat(field("pose", "units").errorProperty().get()).isEqualTo(reason);
        assertThat(model.problems()).contains("pose · " + reason);
        assertThat(context.specProperty().get()).isNull();
        assertThat(model.estimateProperty().get()).isEmpty();

        field("pose", "units").textProperty().set("16, 48");

        assertThat(field("pose", "units").errorProperty().get()).isNull();
        assertThat(context.specProperty().get()).isNotNull();
    }

    @Test
    void acceptsSmallFractionsAndShowsThemPlainly() {
        field("pose", "learningRate").textProperty().set("1e-4; 0.001 0.01");

        assertThat(field("pose", "learningRate").values()).containsExactly(1e-4, 0.001, 0.01);
        assertThat(GridField.format(field("pose", "learningRate").values())).isEqualTo("0.0001, 0.001, 0.01");
        assertThat(field("pose", "learningRate").hint()).startsWith("0.000001–1");
    }

    @Test
    void anInvalidFieldOfADisabledModelDoesNotCount() {
        field("rep:squat", "lstmUnits").textProperty().set("abc");
        assertThat(context.specProperty().get()).isNull();

        entry("rep:squat").enabledProperty().set(false);

        assertThat(context.specProperty().get()).isNotNull();
        assertThat(context.specProperty().get().models()).extracting(ModelGrid::model).doesNotContain("rep:squat");
    }

    @Test
    void disablingAModelLowersTheCount() {
        int before = model.trialsProperty().get();

        entry("rep:lunge").enabledProperty().set(false);

        assertThat(model.trialsProperty().get()).isEqualTo(before - 16 * 3 - 2 * 3); // its grid points' and baselines' trials
        assertThat(model.modelCountProperty().get()).isEqualTo(8);
        assertThat(entry("rep:lunge").countTextProperty().get()).isEqualTo("off");
    }

    @Test
    void noModelChosenIsAProblem() {
        model.models().forEach(e -> e.enabledProperty().set(false));

        assertThat(model.problems()).containsExactly("Choose at least one model");
        assertThat(context.specProperty().get()).isNull();
    }

    @Test
    void foldsChangeTheTrialsAndMoreFoldsThanSubjectsAreRefusedByThePlanner() {
        model.foldsProperty().set("5");
        assertThat(model.trialsProperty().get()).isEqualTo(82 * 5 + 9 * 2 * 5);
        assertThat(context.specProperty().get().folds()).isEqualTo(5);

        model.foldsProperty().set("1");
        assertThat(model.foldsErrorProperty().get()).isEqualTo("Folds: at least 2 are needed");
        assertThat(context.specProperty().get()).isNull();

        model.foldsProperty().set(Integer.toString(bundled.subjects().size() + 1));
        assertThat(model.foldsErrorProperty().get()).startsWith("Folds: 13 is more than the").contains("subjects with class");
        assertThat(model.problems()).isNotEmpty().allSatisfy(p -> assertThat(p).doesNotContain("models["));
        assertThat(context.specProperty().get()).isNull();
    }

    @Test
    void earlyStoppingIsCheckedOnlyWhenOn() {
        model.validationFractionProperty().set("0.7");
        assertThat(model.validationFractionErrorProperty().get()).isNull();

        model.earlyStoppingProperty().set(true);
        assertThat(model.validationFractionErrorProperty().get()).isEqualTo("Validation fraction: 0.7 is outside 0–0.5 (both excluded)");
        assertThat(context.specProperty().get()).isNull();

        model.validationFractionProperty().set("0.25");
        assertThat(context.specProperty().get().earlyStopping().validationFraction()).isEqualTo(0.25);
        assertThat(model.estimateProperty().get()).startsWith("≤ ");
    }

    @Test
    void sharesTheWorkerTextWithTheRunViewAndChecksIt() {
        model.workersProperty().set("2");
        assertThat(context.workersProperty().get()).isEqualTo("2");
        assertThat(model.estimateProperty().get()).contains("with 2 workers");

        context.workersProperty().set("0");
        assertThat(model.workersProperty().get()).isEqualTo("0");
        assertThat(model.workersErrorProperty().get()).startsWith("Workers: at least 1");
    }

    @Test
    void theEstimateFollowsTheCalibration() {
        String defaults = model.estimateProperty().get();
        RunEstimate.Calibration slow = new RunEstimate.Calibration(Map.of(PoseKind.KIND, 1.0, StartKind.KIND, 1.0,
                RepKind.KIND, 1.0), 40, RunEstimate.DEFAULT_WORKER_BYTES, false);

        model.useCalibration(slow);

        assertThat(model.estimateProperty().get()).isNotEqualTo(defaults).endsWith("from 40 stored trials");
    }

    @Test
    void savesThenOpensTheSameSpec() throws Exception {
        field("pose", "units").textProperty().set("16, 32, 48");
        entry("start:squat").enabledProperty().set(false);
        model.nameProperty().set("mine");
        model.seedProperty().set("42");
        model.earlyStoppingProperty().set(true);
        ExperimentSpec designed = context.specProperty().get();

        Path saved = model.save(tmp.resolve("mine")).get();

        assertThat(saved).isEqualTo(tmp.resolve("mine.json"));
        assertThat(SpecIo.read(saved)).isEqualTo(designed);
        assertThat(model.lastFolder()).contains(tmp.toAbsolutePath());

        model.loadPreset("article").get();
        assertThat(model.nameProperty().get()).isEqualTo("article");

        model.open(saved).get();

        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.statusProperty().get()).startsWith("Loaded mine.json");
        assertThat(context.specProperty().get()).isEqualTo(designed);
        assertThat(entry("start:squat").enabledProperty().get()).isFalse();
    }

    @Test
    void theRealPresetNamesNoDatasetAndPlansOnTheOpenOne() throws Exception {
        model.loadPreset("real").get();

        assertThat(model.nameProperty().get()).isEqualTo("real");
        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.problems()).isEmpty();
        ExperimentSpec spec = context.specProperty().get();
        assertThat(spec.folds()).isEqualTo(5);
        assertThat(Planner.plan(spec, bundled).models()).hasSize(9);
        assertThat(entry("rep:squat").fields()).extracting(f -> f.def().name()).contains("centring", "velocities", "angles");
    }

    @Test
    void wildcardsGiveEveryExerciseTheGridAndAbsentModelsAreOffAtTheirDefaults() throws Exception {
        Path file = tmp.resolve("wild.json");
        Files.writeString(file, """
                { "format": "kinefold-experiment/1", "name": "wild", "folds": 2, "seed": 3,
                  "models": [ { "model": "rep:*", "grid": { "lstmUnits": [8, 16, 24] } } ] }
                """);

        model.open(file).get();

        assertThat(model.models().stream().filter(e -> e.enabledProperty().get()))
                .extracting(ModelEntry::title)
                .containsExactly("rep:lunge", "rep:push-up", "rep:shoulder-press", "rep:squat");
        assertThat(field("rep:push-up", "lstmUnits").textProperty().get()).isEqualTo("8, 16, 24");
        assertThat(field("rep:push-up", "epochs").textProperty().get()).isEqualTo("30");
        assertThat(entry("pose").enabledProperty().get()).isFalse();
        assertThat(field("pose", "units").textProperty().get()).isEqualTo("64");
        assertThat(model.trialsProperty().get()).isEqualTo(4 * 3 * 2 + 4 * 2 * 2);
    }

    @Test
    void aBadFileIsReportedByNameAndFieldAndTheFormStays() throws Exception {
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, """
                { "format": "kinefold-experiment/1", "models": [ { "model": "pose", "grid": { "units": ["many"] } } ] }
                """);

        model.open(file).get();

        assertThat(model.errorProperty().get()).startsWith("Could not load bad.json: ").contains(file.toString())
                .contains("models[0].grid.units: 'many' is not a number");
        assertThat(model.nameProperty().get()).isEqualTo("quick");
        assertThat(context.specProperty().get()).isNotNull();
    }

    @Test
    void unknownModelsAndHyperparametersAreLeftOutWithANote() throws Exception {
        Path file = tmp.resolve("odd.json");
        Files.writeString(file, """
                { "format": "kinefold-experiment/1", "name": "odd", "folds": 3,
                  "models": [ { "model": "start:jump", "grid": {} },
                              { "model": "pose", "grid": { "units": [32], "colour": [1] } } ] }
                """);

        model.open(file).get();

        assertThat(model.statusProperty().get()).contains("start:jump is not a model of this dataset, left out")
                .contains("pose: unknown hyperparameter “colour”, left out");
        assertThat(model.trialsProperty().get()).isEqualTo(3 + 2 * 3);
    }

    @Test
    void copiesAGridToEveryModelOfItsKind() {
        field("start:squat", "units").textProperty().set("8, 16, 32, 64");

        assertThat(model.copyGridToKind(entry("start:squat"))).isEqualTo(3);

        assertThat(field("start:lunge", "units").textProperty().get()).isEqualTo("8, 16, 32, 64");
        assertThat(field("pose", "units").textProperty().get()).isEqualTo("48");
        assertThat(model.statusProperty().get()).isEqualTo("Copied the grid of start:squat to 3 other start models");
    }

    @Test
    void anotherDatasetKeepsWhatWasTypedForTheModelsItHasToo() throws Exception {
        Path data = tmp.resolve("squats");
        DatasetGenerator.generate(data, new DatasetGenerator.Options(4, 3, 3, 15));
        Dataset other = DatasetLoader.load(data);
        field("start:squat", "units").textProperty().set("8, 24");
        entry("rep:squat").enabledProperty().set(false);

        context.datasetProperty().set(other);

        assertThat(field("start:squat", "units").textProperty().get()).isEqualTo("8, 24");
        assertThat(entry("rep:squat").enabledProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).startsWith("On synthetic-3: kept the grids");

        context.datasetProperty().set(null);
        context.datasetProperty().set(bundled);
        assertThat(model.summaryProperty().get()).as("nothing to carry over: the quick preset again")
                .isEqualTo("9 models · 82 grid points · 300 trials (54 of baselines)");
    }

    @Test
    void anotherDatasetSaysWhatWasKeptAndWhatWasReset() throws Exception {
        Dataset squats = ExperimentFixtures.oneExercise(tmp.resolve("squats"), "squat");
        field("start:squat", "units").textProperty().set("8, 24");

        context.datasetProperty().set(squats);

        assertThat(model.statusProperty().get()).startsWith("On squats: kept the grids of start:squat, rep:squat")
                .contains("left out, not in this dataset: rep:lunge, rep:push-up, rep:shoulder-press, start:lunge, "
                        + "start:push-up, start:shoulder-press")
                .contains("pose is off: this dataset cannot have it");
        assertThat(model.nameProperty().get()).as("no longer the preset it was loaded as").isEqualTo("quick (modified)");

        context.datasetProperty().set(bundled);

        assertThat(model.statusProperty().get())
                .contains("new here, at their defaults (one point each): pose, start:lunge, start:push-up");
        GridField units = field("start:lunge", "units");
        assertThat(units.values()).containsExactly(units.def().defaultValue());
        assertThat(model.nameProperty().get()).as("marked once").isEqualTo("quick (modified)");
    }

    @Test
    void theSameModelsOnAnotherDatasetKeepTheSpecsName() throws Exception {
        Path data = tmp.resolve("same");
        DatasetGenerator.generate(data, new DatasetGenerator.Options(4, 3, 3, 15));

        context.datasetProperty().set(DatasetLoader.load(data));

        assertThat(model.nameProperty().get()).isEqualTo("quick");
        assertThat(model.statusProperty().get()).startsWith("On synthetic-3: kept the grids of pose, start:lunge");
    }

    @Test
    void aModelTheDatasetCannotHaveIsUncheckedWithItsReason() throws Exception {
        context.datasetProperty().set(null);
        context.datasetProperty().set(ExperimentFixtures.oneExercise(tmp.resolve("squats"), "squat"));

        ModelEntry pose = entry("pose");
        assertThat(pose.available()).isFalse();
        assertThat(pose.refusal()).startsWith("pose needs at least two exercises");
        assertThat(pose.enabledProperty().get()).isFalse();
        assertThat(pose.countTextProperty().get()).isEqualTo(ModelEntry.UNAVAILABLE);
        assertThat(model.statusProperty().get()).contains("pose left out: pose needs at least two exercises");
        assertThat(model.selectedProperty().get().title()).as("the first model it can have").isEqualTo("start:squat");

        pose.enabledProperty().set(true);

        assertThat(pose.enabledProperty().get()).as("cannot be turned on").isFalse();
        assertThat(model.modelCountProperty().get()).isEqualTo(2);
        assertThat(model.problems()).isEmpty();
        assertThat(context.specProperty().get().models()).extracting(ModelGrid::model)
                .containsExactly("start:squat", "rep:squat");
    }

    @Test
    void startsFromTheSpecTheLastSessionLeft() throws Exception {
        field("start:squat", "units").textProperty().set("8, 24");
        entry("rep:lunge").enabledProperty().set(false);
        model.nameProperty().set("mine");

        AppContext next = new AppContext(tmp.resolve("t.db"), context.preferences());
        ExperimentViewModel again = new ExperimentViewModel(next, Runnable::run, Runnable::run);
        next.datasetProperty().set(bundled);

        assertThat(again.statusProperty().get()).startsWith("Loaded the spec of the last session");
        assertThat(again.nameProperty().get()).isEqualTo("mine");
        assertThat(again.models().stream().filter(e -> e.title().equals("start:squat")).findFirst().orElseThrow()
                .field("units").orElseThrow().textProperty().get()).isEqualTo("8, 24");
        assertThat(again.models().stream().filter(e -> e.title().equals("rep:lunge")).findFirst().orElseThrow()
                .enabledProperty().get()).isFalse();
        assertThat(again.statusProperty().get()).startsWith("Loaded the spec of the last session");
        next.close();
    }

    @Test
    void withoutADatasetThereIsNothingToRun() {
        context.datasetProperty().set(null);

        assertThat(model.models()).isEmpty();
        assertThat(model.problems()).containsExactly("Open a dataset in the Dataset tab to design an experiment on it");
        assertThat(context.specProperty().get()).isNull();
    }

    @Test
    void inWordsDropsTheSpecIndex() {
        assertThat(SpecPlanning.inWords("folds: 13 is more than the 12 subjects with class 'start' in start:squat (models[1] (start:squat))"))
                .isEqualTo("Folds: 13 is more than the 12 subjects with class 'start' in start:squat");
        assertThat(List.of(SpecPlanning.inWords("models: no model chosen"))).containsExactly("Models: no model chosen");
    }
}
