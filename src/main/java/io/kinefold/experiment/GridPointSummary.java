package io.kinefold.experiment;

import io.kinefold.data.ModelId;
import java.util.Map;

/**
 * One grid point of one model over all its folds.
 *
 * @param model the model
 * @param gridPoint index within the model's grid
 * @param params hyperparameter values by name
 * @param accuracy mean and sd over folds
 * @param macroF1 mean and sd over folds
 * @param meanTrainSeconds mean training time of a fold
 * @param totalTrainSeconds training time summed over folds
 * @param folds folds that succeeded
 * @param failedFolds folds that failed
 * @param confusion confusion matrix summed over folds, {@code [actual][predicted]}
 */
public record GridPointSummary(ModelId model, int gridPoint, Map<String, Double> params, Stat accuracy, Stat macroF1,
                               double meanTrainSeconds, double totalTrainSeconds, int folds, int failedFolds,
                               int[][] confusion) {}
