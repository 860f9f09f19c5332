package io.kinefold.ui.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.model.FeatureParams;
import io.kinefold.model.ParamDef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A grid field of a hyperparameter with named choices: written with the names, picked one choice at a time. */
class ChoiceFieldTest {
    private static final ParamDef CENTRING = FeatureParams.DEFS.get(0);

    @Test
    void showsTheDefaultByNameAndTicksIt() {
        GridField field = new GridField(CENTRING);

        assertThat(field.textProperty().get()).isEqualTo("neck");
        assertThat(field.values()).containsExactly(0.0);
        assertThat(field.choiceProperties()).extracting(p -> p.get()).containsExactly(true, false, false);
        assertThat(field.hint()).isEqualTo("any of neck, hip, none · default neck");
    }

    @Test
    void takesNamesOrNumbersAndTicksWhatWasTyped() {
        GridField field = new GridField(CENTRING);

        field.textProperty().set("hip, 2");

        assertThat(field.values()).containsExactly(1.0, 2.0);
        assertThat(field.choiceProperties()).extracting(p -> p.get()).containsExactly(false, true, true);
    }

    @Test
    void tickingAChoiceWritesItsNameInTheText() {
        GridField field = new GridField(CENTRING);

        field.choiceProperties().get(1).set(true);

        assertThat(field.textProperty().get()).isEqualTo("neck, hip");
        assertThat(field.values()).containsExactly(0.0, 1.0);
        field.choiceProperties().get(0).set(false);
        field.choiceProperties().get(1).set(false);
        assertThat(field.errorProperty().get()).isEqualTo("Centring: at least one value");
    }

    @Test
    void namesTheChoicesWhenATypedOneIsNone() {
        assertThat(GridField.parse(CENTRING, "neck, hips").error()).isEqualTo("Centring: “hips” is not one of neck, hip, none");
        assertThat(GridField.parse(CENTRING, "5").error()).isEqualTo("Centring: 5 is not one of 0 = neck, 1 = hip, 2 = none");
        assertThat(GridField.parse(FeatureParams.DEFS.get(1), "off, on").values()).isEqualTo(List.of(0.0, 1.0));
    }
}
