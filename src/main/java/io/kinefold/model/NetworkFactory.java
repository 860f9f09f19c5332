package io.kinefold.model;

/**
 * Builds a model kind's untrained network for one grid point (the hyperparameters are bound by
 * the caller); {@link Trainer} seeds ND4J before calling it and owns the network after.
 */
@FunctionalInterface
public interface NetworkFactory {
    /**
     * @param features values per sample, or per time step of a sequence
     * @param classes output classes
     * @param classWeights loss weight of each class
     */
    Net create(int features, int classes, float[] classWeights);
}
