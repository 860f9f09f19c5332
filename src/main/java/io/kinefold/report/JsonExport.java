package io.kinefold.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.RunInfo;
import io.kinefold.experiment.RunReport;
import io.kinefold.experiment.SpecIo;
import io.kinefold.experiment.TrialResult;
import io.kinefold.monitor.ResourceSummary;

/**
 * The whole report as one JSON document, fold by fold, for analyses the other formats do not
 * foresee. The spec goes through {@link SpecIo#toJson} so it reads exactly like a spec file and
 * can be fed back to {@code kinefold run}. {@code resources} summarises the run's samples in the
 * shape {@code kinefold run --json} and {@code compare} use (null without samples; the samples
 * themselves are in {@code kinefold export --format samples-csv}), and {@code comparison} is the
 * comparison as it is stored, or null. Each trial's {@code metrics.curve} is its learning curve:
 * {@code trainLoss} and {@code validationLoss} per epoch ({@code "NaN"} without a validation
 * block) and {@code bestEpoch}, the epoch kept (from 1); null for a trial that recorded none.
 */
final class JsonExport {
    static final String FORMAT = "kinefold-report/1";

    private JsonExport() {}

    static String render(RunReport report, ReportExtras extras) {
        ObjectNode root = SpecIo.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.set("run", run(report.run()));
        try {
            root.set("spec", report.spec() == null ? null : SpecIo.MAPPER.readTree(SpecIo.toJson(report.spec())));
            root.set("provenance", SpecIo.MAPPER.valueToTree(report.provenance()));
            ArrayNode models = root.putArray("models");
            for (ModelSummary m : ReportText.orEmpty(report.models())) {
                ObjectNode model = SpecIo.MAPPER.valueToTree(m);
                model.put("bestBaseline", m.bestBaseline() == null ? null : m.bestBaseline().key());
                model.put("notBetterThan", m.notBetterThan() == null ? null : m.notBetterThan().key());
                model.put("flag", m.flag());
                models.add(model);
            }
            root.set("resources", extras.samples().isEmpty() ? null
                    : SpecIo.MAPPER.valueToTree(ResourceSummary.of(extras.samples(), Double.NaN).asMap()));
            root.set("comparison", extras.comparison() == null ? null
                    : SpecIo.MAPPER.readTree(extras.comparison().result().toJson()));
            ArrayNode trials = root.putArray("trials");
            for (TrialResult t : ReportText.orEmpty(report.trials())) {
                ObjectNode node = SpecIo.MAPPER.valueToTree(t);
                // The key is how logs and the store name a trial; a reader should not rebuild it.
                ((ObjectNode) node.get("trial")).put("key", t.trial().key());
                if (t.metrics() != null && t.metrics().curve().epochs() == 0) {
                    ((ObjectNode) node.get("metrics")).putNull("curve"); // stored before curves were kept
                }
                trials.add(node);
            }
            return SpecIo.MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON: " + e.getOriginalMessage(), e);
        }
    }


    /** By hand because the project's mapper has no java.time module, and ISO instants read best. */
    private static ObjectNode run(RunInfo run) {
        if (run == null) {
            return null;
        }
        ObjectNode n = SpecIo.MAPPER.createObjectNode();
        n.put("id", run.id());
        n.put("experimentId", run.experimentId());
        n.put("experimentName", run.experimentName());
        n.put("mode", run.mode());
        n.put("workers", run.workers());
        n.put("status", run.status() == null ? null : run.status().name());
        n.put("dataset", run.dataset());
        n.put("started", run.started() == null ? null : run.started().toString());
        n.put("finished", run.finished() == null ? null : run.finished().toString());
        n.put("wallSeconds", run.wallSeconds());
        n.put("trialsTotal", run.trialsTotal());
        n.put("trialsDone", run.trialsDone());
        return n;
    }
}
