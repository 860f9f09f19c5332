package io.kinefold.model;

import io.kinefold.data.FeatureOptions;
import java.util.Map;

/**
 * The hyperparameters of one grid point, validated in the record's constructor. Open, so that a
 * new model kind can bring its own record.
 */
public interface Hyperparameters {
    int epochs();

    int batchSize();

    double learningRate();

    /** What a frame's features are; a kind that declares no {@link FeatureParams} has the default ones. */
    default FeatureOptions features() {
        return FeatureOptions.DEFAULT;
    }

    /** Every value by name, in declaration order. */
    Map<String, Double> values();
}
