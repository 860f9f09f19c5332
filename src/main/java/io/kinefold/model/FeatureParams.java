package io.kinefold.model;

import io.kinefold.data.Centring;
import io.kinefold.data.FeatureOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hyperparameters that choose a frame's features ({@link FeatureOptions}), which every
 * built-in kind declares after its own. Their defaults give the features of old specs exactly.
 */
public final class FeatureParams {
    public static final List<ParamDef> DEFS = List.of(
            ParamDef.choice("centring", "Centring",
                    "Where each frame's coordinates are measured from: neck = each frame on its own neck, in torso lengths "
                    + "(the pose alone); hip = the recording's median hip midpoint, in torso lengths (the body's motion "
                    + "relative to its hips stays, a shrug say); none = as recorded, unscaled.", 0, Centring.NAMES),
            ParamDef.flag("velocities", "Velocities",
                    "Adds each coordinate's change since the previous kept frame (0 in the first): 28 more features a frame."),
            ParamDef.flag("angles", "Joint angles",
                    "Adds the elbow, shoulder, hip and knee angles, right and left, each as the angle over π "
                    + "(0 folded, 0.5 a right angle, 1 straight): 8 more features a frame."));

    private FeatureParams() {}

    /** A kind's own declarations followed by these. */
    public static List<ParamDef> after(List<ParamDef> own) {
        List<ParamDef> all = new ArrayList<>(own);
        all.addAll(DEFS);
        return List.copyOf(all);
    }

    /** The options of the three values, in declaration order; values already checked. */
    static FeatureOptions of(double centring, double velocities, double angles) {
        return new FeatureOptions(Centring.of((int) centring), velocities != 0, angles != 0);
    }

    /** The options' values, in declaration order, added to {@code values}. */
    static void put(Map<String, Double> values, FeatureOptions options) {
        values.put("centring", (double) options.centring().ordinal());
        values.put("velocities", options.velocities() ? 1.0 : 0.0);
        values.put("angles", options.angles() ? 1.0 : 0.0);
    }

    static double[] numbers(FeatureOptions options) {
        return new double[] {options.centring().ordinal(), options.velocities() ? 1 : 0, options.angles() ? 1 : 0};
    }
}
