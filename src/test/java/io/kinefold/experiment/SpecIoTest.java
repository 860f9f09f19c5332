package io.kinefold.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecIoTest {
    @Test
    void roundTripsASpecThroughJson() throws Exception {
        ExperimentSpec spec = SpecIo.readResource("quick");
        ExperimentSpec back = SpecIo.parse(SpecIo.toJson(spec), "test");
        assertThat(back).isEqualTo(spec);
    }

    @Test
    void readsEarlyStopping() throws Exception {
        ExperimentSpec spec = SpecIo.parse("""
                {"format":"kinefold-experiment/1","folds":4,"seed":9,"earlyStopping":{"patience":2,"validationFraction":0.25},
                 "models":[{"model":"pose","grid":{"units":[8,16]}}]}""", "t");
        assertThat(spec.earlyStopping()).isEqualTo(new EarlyStopping(2, 0.25));
        assertThat(spec.models().get(0).size()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not json            | {                                                             | not valid JSON
            wrong format        | {"format":"other/1","models":[]}                              | format: expected
            folds not integer   | {"folds":2.5,"models":[]}                                     | folds: '2.5' is not a whole number
            no models           | {"folds":3}                                                   | models: missing
            grid value a string | {"models":[{"model":"pose","grid":{"units":["many"]}}]}     | models[0].grid.units: 'many' is not a number
            bad early stopping  | {"earlyStopping":{"patience":0},"models":[]}                  | earlyStopping.patience
            """)
    void namesTheFieldThatIsWrong(String what, String json, String message) {
        assertThatThrownBy(() -> SpecIo.parse(json, "spec.json")).isInstanceOf(SpecException.class)
                .hasMessageContaining("spec.json").hasMessageContaining(message);
    }
}
