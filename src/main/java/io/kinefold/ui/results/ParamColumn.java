package io.kinefold.ui.results;

/**
 * A hyperparameter column of the grid-point table.
 *
 * @param name key in the grid point's params
 * @param label header for people, e.g. {@code Units per layer}
 */
public record ParamColumn(String name, String label) {}
