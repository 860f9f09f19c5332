package io.kinefold.model;

import java.util.Map;

/**
 * The hyperparameters of one grid point, validated in the record's constructor. Open, so that a
 * new model kind can bring its own record.
 */
public interface Hyperparameters {
    int epochs();

    int batchSize();

    double learningRate();

    /** Every value by name, in declaration order. */
    Map<String, Double> values();
}
