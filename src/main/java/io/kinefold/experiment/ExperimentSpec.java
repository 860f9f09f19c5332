package io.kinefold.experiment;

import java.util.List;

/**
 * What to run: the dataset, the grid of each model, folds, seed and early stopping. Read from
 * and written to JSON by {@link SpecIo}; checked against a dataset by {@link SpecValidator}.
 *
 * @param format always {@value #FORMAT}
 * @param name a short name for lists and reports
 * @param dataset dataset folder, relative to the working directory unless absolute
 * @param folds number of cross-validation folds, at least 2
 * @param seed fixes folds, shuffling and initial weights
 * @param earlyStopping null to train every grid point for its full epochs
 * @param models the grids, in the order they run
 */
public record ExperimentSpec(String format, String name, String dataset, int folds, long seed,
                             EarlyStopping earlyStopping, List<ModelGrid> models) {
    public static final String FORMAT = "kinefold-experiment/1";

    public ExperimentSpec {
        models = List.copyOf(models);
    }

    public ExperimentSpec withDataset(String dataset) {
        return new ExperimentSpec(format, name, dataset, folds, seed, earlyStopping, models);
    }
}
