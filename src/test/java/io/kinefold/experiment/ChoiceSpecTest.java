package io.kinefold.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinefold.data.Centring;
import io.kinefold.kind.Kinds;
import io.kinefold.kind.RepKind;
import io.kinefold.model.FeedForwardParams;
import io.kinefold.model.ParamDef;
import io.kinefold.model.RecurrentParams;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hyperparameters with named choices ({@code centring}, and the {@code velocities} and {@code angles} flags) in specs. */
class ChoiceSpecTest {
    private static ExperimentSpec parse(String models) throws SpecException {
        return SpecIo.parse("{\"format\":\"kinefold-experiment/1\",\"models\":" + models + "}", "spec.json");
    }

    @Test
    void takesAChoiceByNameOrByNumber() throws Exception {
        ExperimentSpec spec = parse("""
                [{"model":"pose","grid":{"centring":["neck", "HIP", 2],"velocities":["on"],"angles":[0, "on"]}},
                 {"model":"rep:*","grid":{"centring":"hip"}}]""");

        assertThat(spec.models().get(0).grid()).containsEntry("centring", List.of(0.0, 1.0, 2.0))
                .containsEntry("velocities", List.of(1.0)).containsEntry("angles", List.of(0.0, 1.0));
        assertThat(spec.models().get(1).grid()).containsEntry("centring", List.of(1.0));
    }

    @Test
    void refusesANameThatIsNoChoiceWithTheClosestOne() {
        assertThatThrownBy(() -> parse("""
                [{"model":"start:squat","grid":{"centring":["neck","hips"]}}]"""))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("spec.json: models[0].grid.centring: 'hips' is not a choice; did you mean 'hip'?")
                .hasMessageContaining("choices: neck, hip, none (or 0 = neck, 1 = hip, 2 = none)");
        assertThatThrownBy(() -> parse("""
                [{"model":"pose","grid":{"velocities":["yes"]}}]"""))
                .hasMessageContaining("models[0].grid.velocities: 'yes' is not a choice; choices: off, on");
    }

    @Test
    void stillRefusesANameWhereANumberIsDue() {
        assertThatThrownBy(() -> parse("""
                [{"model":"pose","grid":{"units":["hip"]}}]"""))
                .hasMessageContaining("models[0].grid.units: 'hip' is not a number");
    }

    @Test
    void writesChoicesByNameAndReadsThemBack() throws Exception {
        ExperimentSpec spec = parse("""
                [{"model":"rep:squat","grid":{"centring":[1, 2],"angles":[1],"lstmUnits":[8]}}]""");

        String json = SpecIo.toJson(spec);

        assertThat(json).contains("\"centring\" : [ \"hip\", \"none\" ]").contains("\"angles\" : [ \"on\" ]")
                .contains("\"lstmUnits\" : [ 8 ]");
        assertThat(SpecIo.parse(json, "again")).isEqualTo(spec);
    }

    @Test
    void aChoiceOutsideItsNumbersIsRefusedNamingTheChoices() {
        ParamDef centring = Kinds.of(RepKind.KIND).params().stream().filter(d -> d.name().equals("centring")).findFirst().orElseThrow();

        assertThat(centring.check(3)).isEqualTo("centring: 3 is not one of 0 = neck, 1 = hip, 2 = none");
        assertThat(centring.check(1)).isNull();
        assertThat(centring.text(1)).isEqualTo("hip");
    }

    @Test
    void everyKindDeclaresTheFeatureOptionsWithDefaultsThatKeepOldSpecsAsTheyWere() {
        assertThat(FeedForwardParams.of(Map.of()).features().isDefault()).isTrue();
        assertThat(RecurrentParams.of(Map.of()).features().isDefault()).isTrue();
        RecurrentParams p = RecurrentParams.of(Map.of("centring", 1.0, "velocities", 1.0, "angles", 1.0));
        assertThat(p.features().centring()).isEqualTo(Centring.HIP);
        assertThat(p.features().count()).isEqualTo(64);
        assertThat(p.values()).containsEntry("centring", 1.0).containsEntry("velocities", 1.0).containsEntry("angles", 1.0);
        Kinds.all().forEach(kind -> assertThat(kind.params()).extracting(ParamDef::name)
                .contains("centring", "velocities", "angles"));
    }
}
