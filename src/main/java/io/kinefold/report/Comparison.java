package io.kinefold.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinefold.monitor.ResourceSample;
import java.util.List;
import java.util.Objects;

/**
 * A comparison the run took part in: the stored JSON, and the samples of both runs for
 * side-by-side charts.
 *
 * <p>The JSON is the document {@code kinefold compare} stores ({@code spec, trials, single, multi,
 * speedup, efficiency, identicalMetrics, differingTrials}, optionally {@code reference,
 * speedupOfReference, scaling}, and {@code perGridPoint}). Reports read it leniently: a field that
 * is missing or not a number shows as a dash, so a document written by an older or newer version
 * still renders.
 *
 * @param result the stored comparison document, a JSON object (copied, so later changes to the
 *     caller's tree do not reach the report)
 * @param singleSamples the resource samples of the single-process run, possibly empty
 * @param poolSamples the resource samples of the pool run, possibly empty
 */
public record Comparison(JsonNode result, List<ResourceSample> singleSamples, List<ResourceSample> poolSamples) {
    public Comparison {
        Objects.requireNonNull(result, "result");
        if (!result.isObject()) {
            throw new IllegalArgumentException("a comparison must be a JSON object, got " + result.getNodeType());
        }
        result = result.deepCopy();
        singleSamples = List.copyOf(Objects.requireNonNull(singleSamples, "singleSamples (empty when there are none)"));
        poolSamples = List.copyOf(Objects.requireNonNull(poolSamples, "poolSamples (empty when there are none)"));
    }
}
