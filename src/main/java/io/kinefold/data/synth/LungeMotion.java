package io.kinefold.data.synth;

/**
 * Forward lunge: from standing with feet together, one leg steps forward, the back knee drops
 * towards the floor, then the front leg pushes back to standing. The leading leg alternates.
 */
final class LungeMotion implements Motion<LungeMotion.Rep> {

    /**
     * @param lead       the leg that steps forward
     * @param depth      front-thigh angle at the bottom as a fraction of horizontal
     * @param shinTilt   forward tilt of the front shin at the bottom, degrees
     * @param lean       trunk lean at the bottom, degrees
     * @param backHeel   rise of the back heel at the bottom, degrees
     * @param frontHeel  rise of the front heel at the bottom, degrees
     * @param step       step length, metres
     * @param stepping   fraction of the repetition spent stepping out (and again stepping back)
     * @param hold       fraction spent at the bottom
     */
    record Rep(Side lead, double depth, double shinTilt, double lean, double backHeel, double frontHeel,
            double step, double stepping, double hold) {
    }

    private static final double LIFT = 0.06;

    private final Proportions body;
    private final double feetHalfWidth;
    private final double stepLength;
    private final boolean handsOnHips;
    private final Side firstLead;
    private final double depthBias;
    private final double leanBias;
    private final double headPitch;
    private final Rep standing;

    LungeMotion(Proportions body, Rng rng) {
        this.body = body;
        this.feetHalfWidth = body.pelvisHalfWidth() * rng.uniform(0.9, 1.3);
        this.stepLength = body.leg() * rng.uniform(0.85, 1.1);
        this.handsOnHips = rng.chance(0.7);
        this.firstLead = rng.chance(0.5) ? Side.RIGHT : Side.LEFT;
        this.depthBias = rng.gaussian(0, 0.04);
        this.leanBias = rng.gaussian(0, 3);
        this.headPitch = rng.uniform(-2, 12);
        this.standing = new Rep(firstLead, 0, 0, 0, 0, 0, stepLength, 0.2, 0);
    }

    @Override
    public Rep plan(Fault fault, int index, Rng rng) {
        Side lead = index % 2 == 0 ? firstLead : firstLead.opposite();
        double depth = fault == Fault.SHALLOW_DEPTH ? rng.gaussian(0.72, 0.10) : rng.gaussian(0.95, 0.08);
        boolean kneeForward = fault == Fault.KNEE_OVER_TOE;
        double shin = kneeForward ? rng.gaussian(30, 6) : rng.gaussian(7, 5);
        double lean = rng.gaussian(6, 4) + leanBias + (kneeForward ? 3 : 0);
        double frontHeel = kneeForward ? Math.max(0, rng.gaussian(5, 5)) : 0;
        return new Rep(lead, Phases.clamp(depth + depthBias, 0.35, 1.12), Phases.clamp(shin, -5, 45),
                Phases.clamp(lean, -4, 25), rng.uniform(50, 72), frontHeel,
                stepLength * rng.gaussian(1, 0.04), rng.uniform(0.17, 0.24), rng.uniform(0, 0.06));
    }

    @Override
    public double relativeDuration(Rep rep) {
        return 0.85 + 0.15 * rep.depth();
    }

    @Override
    public Vec3[] start(Sway sway) {
        return pose(standing, 0, sway);
    }

    @Override
    public Vec3[] pose(Rep rep, double u, Sway sway) {
        double stepping = rep.stepping();
        boolean inStep = u < stepping || u > 1 - stepping;
        double q = u < stepping ? Phases.ease(u / stepping)
                : u > 1 - stepping ? Phases.ease((1 - u) / stepping) : 1;
        // The descent starts a little before the front foot has landed, as it does in practice.
        double down = 0.75 * stepping;
        double middle = 0.5 - rep.hold() / 2;
        double p = u < middle ? Phases.ramp(u, down, middle)
                : u < 1 - middle ? 1 : 1 - Phases.ramp(u, 1 - middle, 1 - down);
        double lift = inStep ? StrictMath.sin(Math.PI * q) : 0;

        Side lead = rep.lead();
        Side trail = lead.opposite();
        Figure figure = new Figure(body);
        double frontPitch = 12 * lift + p * rep.frontHeel();
        double backPitch = 20 * q + p * (rep.backHeel() - 20);
        Vec3 front = figure.ankleOverBall(
                new Vec3(q * rep.step() + body.toe(), 0, lead.sign * feetHalfWidth), Vec3.X, frontPitch)
                .plus(Vec3.Y, LIFT * lift);
        Vec3 back = figure.ankleOverBall(new Vec3(body.toe(), 0, trail.sign * feetHalfWidth), Vec3.X, backPitch);

        double lateral = feetHalfWidth - body.pelvisHalfWidth();
        double reach = Math.sqrt(Math.pow(body.leg() * 0.99, 2) - lateral * lateral);
        Vec3 stand = new Vec3(0, body.ankleHeight() + reach * 0.995, 0);
        double steppedX = front.x() * 0.42 + back.x() * 0.58;
        double steppedY = Math.min(
                front.y() + Math.sqrt(reach * reach - Math.pow(front.x() - steppedX, 2)),
                back.y() + Math.sqrt(reach * reach - Math.pow(steppedX - back.x(), 2)));
        Vec3 stepped = new Vec3(steppedX, steppedY, 0);
        double k = reach / body.leg();
        Vec3 knee = front.plus(Vec3.sagittal(rep.shinTilt()), body.shank() * k);
        Vec3 bottom = knee.plus(Vec3.sagittal(-rep.depth() * 92), body.thigh() * k);
        Vec3 hip = stand.lerp(stepped, q).lerp(bottom, p);
        Vec3 midHip = new Vec3(hip.x() + sway.dx(), hip.y(), sway.dz() + lead.sign * 0.015 * p);

        figure.trunk(midHip, 2 + p * rep.lean() + sway.lean(), sway.roll());
        figure.leg(lead, front, new Vec3(1, 0, lead.sign * 0.1)).foot(lead, Vec3.X, frontPitch);
        figure.leg(trail, back, new Vec3(1, -0.8 * p, 0)).foot(trail, Vec3.X, backPitch);
        for (Side side : Side.values()) {
            placeArm(figure, side, sway);
        }
        return figure.head(headPitch - 0.5 * p * rep.lean() + sway.head(), sway.turn()).points();
    }

    private void placeArm(Figure figure, Side side, Sway sway) {
        if (handsOnHips) {
            Vec3 wrist = figure.point(Figure.MID_HIP)
                    .plus(figure.right(), side.sign * (body.pelvisHalfWidth() + 0.075))
                    .plus(figure.up(), 0.1)
                    .plus(figure.forward(), 0.01 + 0.003 * sway.arm());
            figure.arm(side, wrist, figure.right().times(side.sign).plus(figure.forward(), -0.7));
        } else {
            Vec3 shoulder = figure.point(side.shoulder);
            Vec3 wrist = shoulder.plus(Vec3.Y, -body.armReach(165))
                    .plus(Vec3.X, 0.04 + 0.01 * sway.arm())
                    .plus(Vec3.Z, side.sign * 0.03);
            figure.arm(side, wrist, new Vec3(-1, 0, side.sign * 0.3));
        }
    }
}
