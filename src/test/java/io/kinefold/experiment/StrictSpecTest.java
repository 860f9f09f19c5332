package io.kinefold.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinefold.monitor.AppInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Specs are strict: unknown keys are named with the closest valid one, and relative paths are the spec file's. */
class StrictSpecTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"foldz": 3, "models": []}                                                 | foldz: unknown key; did you mean 'folds'?
            {"earlyStopping": {"patience": 2, "validationFracton": 0.2}, "models": []} | earlyStopping.validationFracton: unknown key; did you mean 'validationFraction'?
            {"models": [{"model": "pose", "gird": {"units": [8]}}]}                   | models[0].gird: unknown key; did you mean 'grid'?
            {"models": [], "colour": "blue"}                                           | colour: unknown key; known: format, name, dataset
            """)
    void refusesAnUnknownKeyNamingItAndTheClosestValidOne(String json, String message) {
        assertThatThrownBy(() -> SpecIo.parse(json, "s.json")).isInstanceOf(SpecException.class).hasMessageContaining("s.json: " + message);
    }

    @Test
    void namesEveryUnknownKeyAtOnce() {
        assertThatThrownBy(() -> SpecIo.parse("""
                {"foldz": 3, "sede": 1, "models": [{"model": "pose", "gird": {}}]}""", "s"))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.problems()).hasSize(3));
    }

    @Test
    void suggestsTheClosestHyperparameterOfAMisspeltGridName() throws Exception {
        ExperimentSpec spec = SpecIo.parse("""
                {"folds": 2, "models": [{"model": "pose", "grid": {"unitz": [8]}}]}""", "s");
        assertThatThrownBy(() -> Planner.replan(spec, java.util.List.of(io.kinefold.data.ModelId.parse("pose"))))
                .hasMessageContaining("grid.unitz: unknown hyperparameter for pose models; did you mean 'units'?");
    }

    @Test
    void resolvesARelativeDatasetAgainstTheSpecFilesFolder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("specs"));
        Path file = Files.writeString(folder.resolve("s.json"), """
                {"dataset": "../data/one", "models": [{"model": "pose"}]}""");

        assertThat(SpecIo.read(file).dataset()).isEqualTo(dir.resolve("data/one").toAbsolutePath().toString());
    }

    @Test
    void keepsAnAbsoluteDataset() throws Exception {
        Path file = Files.writeString(dir.resolve("s.json"), """
                {"dataset": "/srv/data", "models": [{"model": "pose"}]}""");

        assertThat(SpecIo.read(file).dataset()).isEqualTo("/srv/data");
    }

    @Test
    void aPresetNamesTheBundledDatasetWhereverTheAppRuns() throws Exception {
        for (String preset : new String[] {"quick", "article"}) {
            assertThat(Path.of(SpecIo.readResource(preset).dataset())).isEqualTo(AppInfo.bundledDataset().normalize());
            assertThat(Path.of(SpecIo.read(Path.of("resources/presets", preset + ".json")).dataset()))
                    .as("the preset file in the checkout reads the same").isEqualTo(AppInfo.bundledDataset().normalize());
        }
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            folds, folds, 0
            foldz, folds, 1
            gird, grid, 2
            validationFracton, validationFraction, 1
            """)
    void measuresEditDistance(String a, String b, int distance) {
        assertThat(Suggest.distance(a, b)).isEqualTo(distance);
    }
}
