package io.kinefold.data.synth;

/**
 * Push-up: a plank on the toes and straight arms; the body pivots about the toes while the arms
 * bend and the chest goes towards the floor. The hands stay where they were put.
 *
 * <p>Since every repetition starts and ends in the locked-out plank (the start position), an
 * incomplete lockout shows as a short range: the arms never straighten fully between the
 * lowest points, which inside one labelled repetition looks like a shallow one.
 */
final class PushUpMotion implements Motion<PushUpMotion.Rep> {

    /**
     * @param depth fraction of the full range the shoulders travel towards the floor
     * @param sag   how far the hips drop below the ankle–shoulder line at the bottom, metres
     * @param out   fraction of the repetition spent going down
     * @param hold  fraction spent at the bottom
     */
    record Rep(double depth, double sag, double out, double hold) {
    }

    private static final Rep PLANK = new Rep(0, 0, 0.5, 0);
    private static final double WRIST_HEIGHT = 0.035;

    private final Proportions body;
    private final double handHalfWidth;
    private final double feetHalfWidth;
    private final double flare;
    private final double restSag;
    private final double headDrop;
    private final double toeAngle;
    private final double depthBias;
    private final double sagBias;
    private final double topHeight;
    private final double bottomHeight;
    private final double wristX;

    PushUpMotion(Proportions body, Rng rng) {
        this.body = body;
        this.handHalfWidth = body.shoulderHalfWidth() * rng.uniform(1.1, 1.55);
        this.feetHalfWidth = body.pelvisHalfWidth() * rng.uniform(0.4, 1.4);
        this.flare = StrictMath.toRadians(rng.uniform(15, 70));
        // Some people hold a slight pike, some a slight sag, even when doing it right.
        this.restSag = rng.gaussian(0.0, 0.015);
        this.headDrop = rng.uniform(0, 25);
        this.toeAngle = rng.uniform(5, 20);
        this.depthBias = rng.gaussian(0, 0.04);
        this.sagBias = rng.gaussian(0, 0.008);
        double handForward = rng.uniform(-0.03, 0.08);
        double lateral = handHalfWidth - body.shoulderHalfWidth();
        double lockedReach = body.armReach(rng.gaussian(173, 3, 165, 179));
        this.topHeight = WRIST_HEIGHT
                + Math.sqrt(lockedReach * lockedReach - handForward * handForward - lateral * lateral);
        this.bottomHeight = WRIST_HEIGHT + rng.uniform(0.075, 0.115);
        this.wristX = neckAt(topHeight).x() + handForward;
    }

    @Override
    public Rep plan(Fault fault, int index, Rng rng) {
        double depth = fault == Fault.INCOMPLETE_LOCKOUT ? rng.gaussian(0.66, 0.12) : rng.gaussian(0.93, 0.08);
        double sag = fault == Fault.SAGGING_HIPS ? rng.gaussian(0.085, 0.03) : rng.gaussian(0.012, 0.018);
        return new Rep(Phases.clamp(depth + depthBias, 0.3, 1.05), Math.max(-0.03, sag + sagBias),
                rng.uniform(0.4, 0.55), rng.uniform(0, 0.06));
    }

    @Override
    public double relativeDuration(Rep rep) {
        return 0.75 + 0.25 * rep.depth();
    }

    @Override
    public Vec3[] start(Sway sway) {
        return pose(PLANK, 0, sway);
    }

    @Override
    public Vec3[] pose(Rep rep, double u, Sway sway) {
        double p = Phases.outAndBack(u, rep.out(), rep.hold());
        double height = topHeight - p * rep.depth() * (topHeight - bottomHeight);
        double beta = angleAt(height);
        double footPitch = footPitch(beta);
        Figure figure = new Figure(body);
        Vec3 ankle = ankleCenter(figure, footPitch);
        Vec3 line = new Vec3(StrictMath.cos(beta), StrictMath.sin(beta), 0);
        Vec3 below = new Vec3(StrictMath.sin(beta), -StrictMath.cos(beta), 0);
        // Hips sag early in the descent and recover late, so the drop follows p less than linearly.
        double sag = restSag + Math.pow(p, 0.7) * rep.sag() + 0.004 * sway.lean();
        Vec3 neck = ankle.plus(line, reachToNeck());
        Vec3 midHip = ankle.plus(line, body.leg() * 0.985).plus(below, sag).plus(Vec3.Z, 0.3 * sway.dz());

        figure.trunkTowards(midHip, neck);
        Vec3 heading = Vec3.X;
        for (Side side : Side.values()) {
            Vec3 foot = figure.ankleOverBall(new Vec3(0, 0, side.sign * feetHalfWidth), heading, footPitch);
            figure.leg(side, foot, figure.forward()).foot(side, heading, footPitch);
            Vec3 wrist = new Vec3(wristX, WRIST_HEIGHT, side.sign * handHalfWidth);
            Vec3 pole = new Vec3(-StrictMath.cos(flare), 0.15, side.sign * StrictMath.sin(flare));
            figure.arm(side, wrist, pole);
        }
        return figure.head(headDrop + sway.head(), sway.turn()).points();
    }

    private double reachToNeck() {
        return body.leg() * 0.985 + body.torso();
    }

    /** Body-line angle above the floor when the neck is at {@code height}. */
    private double angleAt(double height) {
        double beta = StrictMath.asin(Phases.clamp((height - 0.15) / reachToNeck(), -1, 1));
        for (int i = 0; i < 3; i++) {
            double ankleY = ankleCenter(new Figure(body), footPitch(beta)).y();
            beta = StrictMath.asin(Phases.clamp((height - ankleY) / reachToNeck(), -1, 1));
        }
        return beta;
    }

    /** On the toes the foot stands roughly square to the shin, toes curled a little under. */
    private double footPitch(double beta) {
        return 90 - StrictMath.toDegrees(beta) - toeAngle;
    }

    private Vec3 ankleCenter(Figure figure, double footPitch) {
        return figure.ankleOverBall(Vec3.ZERO, Vec3.X, footPitch);
    }

    private Vec3 neckAt(double height) {
        double beta = angleAt(height);
        Vec3 ankle = ankleCenter(new Figure(body), footPitch(beta));
        return ankle.plus(new Vec3(StrictMath.cos(beta), StrictMath.sin(beta), 0), reachToNeck());
    }
}
