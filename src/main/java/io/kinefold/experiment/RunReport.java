package io.kinefold.experiment;

import java.util.List;

/**
 * Everything there is to export about one run.
 *
 * @param run the run
 * @param spec the spec it ran
 * @param provenance versions and machine
 * @param models per model, grid-point summaries, best and significance
 * @param trials every trial result, fold by fold
 */
public record RunReport(RunInfo run, ExperimentSpec spec, Provenance provenance, List<ModelSummary> models,
                        List<TrialResult> trials) {}
