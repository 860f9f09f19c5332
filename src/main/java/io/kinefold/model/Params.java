package io.kinefold.model;

import java.util.List;
import java.util.Map;

/**
 * Checking and resolving hyperparameter values against their declarations, for the records of
 * {@link Hyperparameters}. Which declarations a model has is its kind's ({@code KindSpec.params}).
 */
public final class Params {
    private Params() {}

    /** Refuses the first value its declaration does not allow; values in declaration order. */
    public static void check(List<ParamDef> defs, double... values) {
        for (int i = 0; i < defs.size(); i++) {
            String problem = defs.get(i).check(values[i]);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
    }

    /** Values in declaration order; a missing name takes its default, an unknown name is refused. */
    public static double[] resolve(List<ParamDef> defs, Map<String, Double> values) {
        for (String name : values.keySet()) {
            if (defs.stream().noneMatch(d -> d.name().equals(name))) {
                throw new IllegalArgumentException("unknown hyperparameter '" + name + "'; known: "
                        + defs.stream().map(ParamDef::name).toList());
            }
        }
        double[] out = new double[defs.size()];
        for (int i = 0; i < out.length; i++) {
            Double v = values.get(defs.get(i).name());
            out[i] = v == null ? defs.get(i).defaultValue() : v;
            String problem = defs.get(i).check(out[i]);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
        return out;
    }
}
