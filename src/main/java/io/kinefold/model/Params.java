package io.kinefold.model;

import io.kinefold.data.ModelKind;
import java.util.List;
import java.util.Map;

/** Checking and resolving hyperparameter values against their declarations. */
public final class Params {
    private Params() {}

    /** The declarations of a model kind, in form order. */
    public static List<ParamDef> defs(ModelKind kind) {
        return kind == ModelKind.REP ? RecurrentParams.DEFS : FeedForwardParams.DEFS;
    }

    public static Hyperparameters of(ModelKind kind, Map<String, Double> values) {
        return kind == ModelKind.REP ? RecurrentParams.of(values) : FeedForwardParams.of(values);
    }

    static void check(List<ParamDef> defs, double... values) {
        for (int i = 0; i < defs.size(); i++) {
            String problem = defs.get(i).check(values[i]);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
    }

    /** Values in declaration order; a missing name takes its default, an unknown name is refused. */
    static double[] resolve(List<ParamDef> defs, Map<String, Double> values) {
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
