package io.kinefold.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinefold.experiment.SpecIo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The comparison as JSON: the field names of every version, written and read back typed, leniently. */
class ComparisonResultTest {
    /** As version 1 wrote it (a map turned into JSON), with NaN as Jackson wrote it and fields this version does not know. */
    static final String STORED = """
            {"spec": "quick", "trials": 6,
             "single": {"runId": 11, "workers": 1, "wallSeconds": 51.0, "trialSeconds": 46.3, "peakRssMb": 410,
                        "sumOfWorkerPeakRssMb": 410,
                        "resources": {"samples": 52, "meanMachineCpu": 0.17, "peakMachineCpu": null, "peakMemUsedMb": 3900,
                                      "memTotalMb": 16384, "peakRssMbByWorker": {"w1": 410}, "peakRssMb": 410,
                                      "meanSampleMillis": null}},
             "multi": {"runId": 12, "workers": 2, "wallSeconds": 29.0, "trialSeconds": 49.8, "peakRssMb": 380,
                       "sumOfWorkerPeakRssMb": 760},
             "speedup": 1.7586206896551724, "efficiency": 0.8793103448275862,
             "identicalMetrics": true, "differingTrials": 0,
             "reference": {"processes": 2, "speedup": 1.95, "efficiency": 0.975, "aloneSeconds": 2.1, "togetherSeconds": 2.1538},
             "speedupOfReference": 0.9018567639257958,
             "scaling": [{"workers": 1, "wallSeconds": 51.0, "speedup": 1.0, "efficiency": 1.0}],
             "perGridPoint": [{"model": "pose", "gridPoint": 0, "hyperparameters": {"units": 32},
                               "singleSeconds": 6.4, "multiSeconds": "NaN", "multiOverSingle": "NaN"}],
             "addedLater": {"x": 1}}""";

    @Test
    void readsADocumentInTheStoredFormatTyped() {
        ComparisonResult r = ComparisonResult.fromJson(STORED);

        assertThat(r.spec()).isEqualTo("quick");
        assertThat(r.trials()).isEqualTo(6);
        assertThat(r.single().runId()).isEqualTo(11);
        assertThat(r.single().resources().meanMachineCpu()).isEqualTo(0.17);
        assertThat(r.single().resources().peakMachineCpu()).isNull();
        assertThat(r.single().resources().peakRssMbByWorker()).containsEntry("w1", 410L);
        assertThat(r.pool().runId()).isEqualTo(12);
        assertThat(r.pool().workers()).isEqualTo(2);
        assertThat(r.pool().resources()).isNull();
        assertThat(r.metricsAgree()).isTrue();
        assertThat(r.reference().togetherSeconds()).isEqualTo(2.1538);
        assertThat(r.speedupOfReference()).isEqualTo(0.9018567639257958);
        assertThat(r.scaling()).containsExactly(new ComparisonResult.ScalingPoint(1, 51.0, 1.0, 1.0));
        ComparisonResult.GridPointTiming row = r.perGridPoint().get(0);
        assertThat(row.hyperparameters()).containsEntry("units", 32.0);
        assertThat(row.multiSeconds()).isNaN();
        assertThat(row.multiOverSingle()).isNaN();
    }

    @Test
    void writesTheFieldNamesOfTheStoredFormatAndReadsBackWhatItWrote() throws Exception {
        ComparisonResult r = ComparisonResult.fromJson(STORED);

        String json = r.toJson();
        JsonNode written = SpecIo.MAPPER.readTree(json);

        assertThat(ComparisonResult.fromJson(json)).usingRecursiveComparison()
                .withEqualsForType(Double::equals, Double.class).isEqualTo(r);
        List<String> fields = new java.util.ArrayList<>();
        written.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("spec", "trials", "single", "multi", "speedup", "efficiency", "identicalMetrics",
                "differingTrials", "reference", "speedupOfReference", "scaling", "perGridPoint");
        List<String> mode = new java.util.ArrayList<>();
        written.get("single").fieldNames().forEachRemaining(mode::add);
        assertThat(mode).containsExactly("runId", "workers", "wallSeconds", "trialSeconds", "peakRssMb",
                "sumOfWorkerPeakRssMb", "resources");
        assertThat(written.at("/single/resources/meanSampleMillis").isNull()).as("unknown figures are JSON null").isTrue();
        assertThat(written.at("/reference/aloneSeconds").asDouble()).isEqualTo(2.1);
        assertThat(written.at("/perGridPoint/0/multiOverSingle").asText()).isEqualTo("NaN");
        assertThat(written.has("addedLater")).isFalse();
    }

    @Test
    void leavesOutTheReferenceAndTheScalingWhenThereAreNone() throws Exception {
        Map<String, Double> params = new LinkedHashMap<>();
        params.put("units", 8.0);
        ComparisonResult r = new ComparisonResult("s", 2, ComparisonResult.ModeTimings.UNKNOWN,
                ComparisonResult.ModeTimings.UNKNOWN, 1.5, 0.75, true, 0, null, null, List.of(),
                List.of(new ComparisonResult.GridPointTiming("pose", 0, params, 1, 2, 2)));

        JsonNode written = SpecIo.MAPPER.readTree(r.toJson());

        assertThat(written.has("reference")).isFalse();
        assertThat(written.has("speedupOfReference")).isFalse();
        assertThat(written.has("scaling")).isFalse();
        assertThat(written.at("/perGridPoint/0/hyperparameters/units").asDouble()).isEqualTo(8.0);
    }

    @Test
    void readsMissingOrMalformedFieldsAsUnknown() {
        ComparisonResult r = ComparisonResult.fromJson("""
                {"speedup": "fast", "trials": "many", "single": {"workers": "one", "runId": 3}, "multi": 7,
                 "identicalMetrics": "yes", "reference": {}, "scaling": [{}], "perGridPoint": [{"model": null}, 3],
                 "spec": {"not": "a name"}}""");

        assertThat(r.speedup()).isNaN();
        assertThat(r.efficiency()).isNaN();
        assertThat(r.trials()).isEqualTo(-1);
        assertThat(r.spec()).isNull();
        assertThat(r.single().runId()).isEqualTo(3);
        assertThat(r.single().workers()).isEqualTo(-1);
        assertThat(r.pool()).isEqualTo(ComparisonResult.ModeTimings.UNKNOWN);
        assertThat(r.identicalMetrics()).isNull();
        assertThat(r.metricsAgree()).isFalse();
        assertThat(r.reference().processes()).isEqualTo(-1);
        assertThat(r.reference().speedup()).isNaN();
        assertThat(r.speedupOfReference()).isNull();
        assertThat(r.scaling()).hasSize(1);
        assertThat(r.perGridPoint()).hasSize(1);
        assertThat(r.perGridPoint().get(0).model()).isNull();
        assertThat(r.perGridPoint().get(0).hyperparameters()).isEmpty();
    }

    @Test
    void refusesWhatIsNotAJsonObject() {
        assertThatThrownBy(() -> ComparisonResult.fromJson("[1, 2]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON object");
        assertThatThrownBy(() -> ComparisonResult.fromJson("{not json")).isInstanceOf(IllegalArgumentException.class);
    }
}
