package io.kinefold.model;

import java.util.Map;

/** The hyperparameters of one grid point, validated in the record's constructor. */
public sealed interface Hyperparameters permits FeedForwardParams, RecurrentParams {
    int epochs();

    int batchSize();

    double learningRate();

    /** Every value by name, in declaration order. */
    Map<String, Double> values();
}
