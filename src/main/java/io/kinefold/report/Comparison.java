package io.kinefold.report;

import io.kinefold.exec.ComparisonResult;
import io.kinefold.monitor.ResourceSample;
import java.util.List;
import java.util.Objects;

/**
 * A comparison the run took part in, and the samples of both runs for side-by-side charts.
 *
 * @param result the comparison, as stored ({@link ComparisonResult#fromJson} reads old and odd documents leniently)
 * @param singleSamples the resource samples of the single-process run, possibly empty
 * @param poolSamples the resource samples of the pool run, possibly empty
 */
public record Comparison(ComparisonResult result, List<ResourceSample> singleSamples, List<ResourceSample> poolSamples) {
    public Comparison {
        Objects.requireNonNull(result, "result");
        singleSamples = List.copyOf(Objects.requireNonNull(singleSamples, "singleSamples (empty when there are none)"));
        poolSamples = List.copyOf(Objects.requireNonNull(poolSamples, "poolSamples (empty when there are none)"));
    }
}
