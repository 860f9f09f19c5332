package io.kinefold.data.synth;

/**
 * Standing shoulder press: hands start just above the shoulders with the elbows down and
 * forward, and are pressed overhead to straight arms, then lowered again.
 */
final class PressMotion implements Motion<PressMotion.Rep> {

    /**
     * @param topElbow elbow angle at the top, degrees (180 = locked out)
     * @param arch     backward lean of the trunk at the top, degrees
     * @param out      fraction of the repetition spent pressing up
     * @param hold     fraction spent at the top
     */
    record Rep(double topElbow, double arch, double out, double hold) {
    }

    private static final Rep RACKED = new Rep(175, 0, 0.5, 0);

    private final Proportions body;
    private final double stanceHalfWidth;
    private final double toeOutDegrees;
    private final double gripOutside;
    private final double startUp;
    private final double startForward;
    private final double elbowsForward;
    private final double kneeSoftness;
    private final double naturalLean;
    private final double archBias;
    private final double headPitch;

    PressMotion(Proportions body, Rng rng) {
        this.body = body;
        this.stanceHalfWidth = body.pelvisHalfWidth() * rng.uniform(1.0, 1.7);
        this.toeOutDegrees = rng.uniform(0, 15);
        this.gripOutside = rng.uniform(0.03, 0.10);
        this.startUp = rng.uniform(0.05, 0.14);
        this.startForward = rng.uniform(0.03, 0.10);
        this.elbowsForward = rng.uniform(0.2, 1.0);
        this.kneeSoftness = rng.uniform(0.985, 0.998);
        this.naturalLean = rng.gaussian(1, 2);
        this.archBias = rng.gaussian(0, 1.5);
        this.headPitch = rng.uniform(-3, 10);
    }

    @Override
    public Rep plan(Fault fault, int index, Rng rng) {
        double elbow = fault == Fault.INCOMPLETE_LOCKOUT ? rng.gaussian(132, 11) : rng.gaussian(170, 5);
        double arch = fault == Fault.ARCHED_BACK ? rng.gaussian(13, 5) : Math.abs(rng.gaussian(3, 3));
        return new Rep(Phases.clamp(elbow, 115, 179), Phases.clamp(arch + archBias, -3, 30),
                rng.uniform(0.38, 0.5), rng.uniform(0.02, 0.12));
    }

    @Override
    public double relativeDuration(Rep rep) {
        return 0.85 + 0.15 * (rep.topElbow() - 115) / 65;
    }

    @Override
    public Vec3[] start(Sway sway) {
        return pose(RACKED, 0, sway);
    }

    @Override
    public Vec3[] pose(Rep rep, double u, Sway sway) {
        double p = Phases.outAndBack(u, rep.out(), rep.hold());
        double arch = p * rep.arch();
        Figure figure = new Figure(body);
        double toeOut = StrictMath.toRadians(toeOutDegrees);
        Vec3[] ankles = new Vec3[2];
        Vec3[] headings = new Vec3[2];
        for (Side side : Side.values()) {
            Vec3 heading = new Vec3(StrictMath.cos(toeOut), 0, side.sign * StrictMath.sin(toeOut));
            headings[side.ordinal()] = heading;
            ankles[side.ordinal()] = new Vec3(0, body.ankleHeight(), side.sign * stanceHalfWidth);
        }
        // Leaning back is done by pushing the hips forward, so the bar stays over the feet.
        double hipsForward = body.torso() * StrictMath.sin(StrictMath.toRadians(arch)) * 0.5 + sway.dx();
        double lateral = stanceHalfWidth - body.pelvisHalfWidth();
        double legReach = body.leg() * kneeSoftness;
        double hipHeight = body.ankleHeight()
                + Math.sqrt(legReach * legReach - lateral * lateral - hipsForward * hipsForward);
        figure.trunk(new Vec3(hipsForward, hipHeight, sway.dz()), naturalLean - arch + sway.lean(), sway.roll());
        for (Side side : Side.values()) {
            Vec3 heading = headings[side.ordinal()];
            figure.leg(side, ankles[side.ordinal()], heading).foot(side, heading, 0);

            Vec3 shoulder = figure.point(side.shoulder);
            Vec3 racked = shoulder.plus(Vec3.Y, startUp).plus(Vec3.X, startForward)
                    .plus(Vec3.Z, side.sign * gripOutside);
            Vec3 overhead = shoulder.plus(
                    new Vec3(0.03, 1, side.sign * 0.16).normalized(), body.armReach(rep.topElbow()));
            // The hands swing forward a little on the way up to clear the face.
            Vec3 wrist = racked.lerp(overhead, p)
                    .plus(Vec3.X, 0.05 * StrictMath.sin(Math.PI * p) + 0.004 * sway.arm());
            Vec3 rackedPole = new Vec3(elbowsForward, -1, side.sign * 0.6);
            Vec3 overheadPole = new Vec3(0.6, -0.1, side.sign);
            figure.arm(side, wrist, rackedPole.lerp(overheadPole, p));
        }
        double head = headPitch + 0.6 * arch - 6 * StrictMath.sin(Math.PI * p) + sway.head();
        return figure.head(head, sway.turn()).points();
    }
}
