package io.kinefold.data.synth;

/**
 * Bodyweight squat: standing with feet about shoulder width apart, hips go down and back while
 * the knees travel forward and the torso leans to keep balance over the feet.
 */
final class SquatMotion implements Motion<SquatMotion.Rep> {

    /**
     * @param depth      thigh angle at the bottom as a fraction of parallel (1 = thigh horizontal)
     * @param kneeTravel forward tilt of the shin at the bottom, degrees
     * @param heelLift   heel rise at the bottom, degrees
     * @param lean       trunk lean at the bottom, degrees
     * @param out        fraction of the repetition spent going down
     * @param hold       fraction spent at the bottom
     */
    record Rep(double depth, double kneeTravel, double heelLift, double lean, double out, double hold) {
    }

    private static final Rep STANDING = new Rep(0, 0, 0, 0, 0.5, 0);

    private final Proportions body;
    private final double stanceHalfWidth;
    private final double toeOutDegrees;
    private final double kneesOut;
    private final double leanGain;
    private final double depthBias;
    private final double travelBias;
    private final boolean armsForward;
    private final double armPitch;
    private final double headPitch;

    SquatMotion(Proportions body, Rng rng) {
        this.body = body;
        this.stanceHalfWidth = body.shoulderHalfWidth() * rng.uniform(1.0, 1.4);
        this.toeOutDegrees = rng.uniform(8, 30);
        this.kneesOut = rng.uniform(0, 0.2);
        this.leanGain = rng.uniform(0.4, 0.58);
        this.depthBias = rng.gaussian(0, 0.04);
        this.travelBias = rng.gaussian(0, 2.5);
        // Both styles are common in bodyweight squats, and both keep the hands off the hips so that
        // a squat's start position is not the lunge's.
        this.armsForward = rng.chance(0.45);
        this.armPitch = rng.uniform(-8, 6);
        this.headPitch = rng.uniform(-4, 10);
    }

    @Override
    public Rep plan(Fault fault, int index, Rng rng) {
        double depth = fault == Fault.SHALLOW_DEPTH ? rng.gaussian(0.72, 0.10) : rng.gaussian(0.95, 0.08);
        depth = Phases.clamp(depth + depthBias, 0.35, 1.18);
        boolean kneesForward = fault == Fault.KNEE_OVER_TOE;
        double travel = Phases.clamp(
                (kneesForward ? rng.gaussian(46, 6) : rng.gaussian(27, 5)) + travelBias, 12, 60);
        double heel = Math.max(0, kneesForward ? rng.gaussian(10, 6) : rng.gaussian(0.5, 2));
        // Knees that travel far forward bring the hips forward, so the torso stays more upright.
        double lean = Phases.clamp(depth * 95 * leanGain - 0.7 * (travel - 27) + rng.gaussian(0, 3), 4, 65);
        return new Rep(depth, travel, heel, lean, rng.uniform(0.4, 0.52), rng.uniform(0, 0.08));
    }

    @Override
    public double relativeDuration(Rep rep) {
        return 0.8 + 0.2 * rep.depth();
    }

    @Override
    public Vec3[] start(Sway sway) {
        return pose(STANDING, 0, sway);
    }

    @Override
    public Vec3[] pose(Rep rep, double u, Sway sway) {
        double p = Phases.outAndBack(u, rep.out(), rep.hold());
        double thigh = p * rep.depth() * 98;
        double shin = 2 + p * (rep.kneeTravel() - 2);
        double heel = p * rep.heelLift();
        Figure figure = new Figure(body);

        Vec3[] ankles = new Vec3[2];
        Vec3[] headings = new Vec3[2];
        for (Side side : Side.values()) {
            double toeOut = StrictMath.toRadians(toeOutDegrees);
            Vec3 heading = new Vec3(StrictMath.cos(toeOut), 0, side.sign * StrictMath.sin(toeOut));
            Vec3 ball = new Vec3(0, 0, side.sign * stanceHalfWidth).plus(heading, body.toe());
            headings[side.ordinal()] = heading;
            ankles[side.ordinal()] = figure.ankleOverBall(ball, heading, heel);
        }
        // Sagittal forward kinematics from the ankles, shortened because the legs also slant
        // inwards from a wide stance to the narrower hips.
        double lateral = stanceHalfWidth - body.pelvisHalfWidth();
        double k = 0.995 * Math.sqrt(1 - Math.pow(lateral / body.leg(), 2));
        Vec3 ankle = ankles[0].lerp(ankles[1], 0.5);
        Vec3 knee = ankle.plus(Vec3.sagittal(shin), body.shank() * k);
        Vec3 hip = knee.plus(Vec3.sagittal(-thigh), body.thigh() * k);
        Vec3 midHip = new Vec3(hip.x() + sway.dx(), hip.y(), sway.dz());

        figure.trunk(midHip, 3 + p * rep.lean() + sway.lean(), sway.roll());
        for (Side side : Side.values()) {
            Vec3 heading = headings[side.ordinal()];
            Vec3 pole = heading.plus(Vec3.Z, side.sign * kneesOut);
            figure.leg(side, ankles[side.ordinal()], pole).foot(side, heading, heel);
            placeArm(figure, side, p, sway);
        }
        return figure.head(headPitch - 0.55 * p * rep.lean() + sway.head(), sway.turn()).points();
    }

    private void placeArm(Figure figure, Side side, double p, Sway sway) {
        if (armsForward) {
            Vec3 shoulder = figure.point(side.shoulder);
            Vec3 direction = Vec3.sagittal(90 - armPitch - 6 * p - sway.arm())
                    .plus(Vec3.Z, -side.sign * 0.12).normalized();
            Vec3 wrist = shoulder.plus(direction, body.armReach(170));
            figure.arm(side, wrist, new Vec3(0, -1, side.sign * 0.5));
        } else {
            Vec3 neck = figure.point(Figure.NECK);
            Vec3 wrist = neck.plus(figure.forward(), 0.2 + 0.01 * sway.arm())
                    .plus(figure.up(), -0.13)
                    .plus(figure.right(), side.sign * 0.035);
            Vec3 pole = figure.up().times(-1).plus(figure.right(), side.sign * 0.7);
            figure.arm(side, wrist, pole);
        }
    }
}
