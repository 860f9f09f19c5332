package io.kinefold.data.synth;

/**
 * Builds the 25 BODY_25 points of one 3D pose, trunk first, then limbs by two-bone inverse
 * kinematics. Limbs are placed by where their ends go (a foot on the floor, a hand on a hip)
 * rather than by joint angles, because that is what stays fixed in real exercises: the feet do
 * not slide during a squat and the hands do not slide during a push-up.
 */
final class Figure {

    static final int POINTS = 25;
    static final int NOSE = 0;
    static final int NECK = 1;
    static final int MID_HIP = 8;

    private final Proportions body;
    private final Vec3[] points = new Vec3[POINTS];
    private Vec3 up;
    private Vec3 forward;
    private Vec3 right;

    Figure(Proportions body) {
        this.body = body;
    }

    /**
     * Places the pelvis and a straight trunk leaning {@code leanDegrees} forward (negative leans
     * back) and {@code rollDegrees} towards the right side.
     */
    Figure trunk(Vec3 midHip, double leanDegrees, double rollDegrees) {
        Vec3 axis = Vec3.sagittal(leanDegrees)
                .plus(Vec3.Z, StrictMath.sin(StrictMath.toRadians(rollDegrees)))
                .normalized();
        return trunkAlong(midHip, axis);
    }

    /** Places the pelvis and a trunk pointing at {@code towards}, for the horizontal plank. */
    Figure trunkTowards(Vec3 midHip, Vec3 towards) {
        return trunkAlong(midHip, towards.minus(midHip).normalized());
    }

    private Figure trunkAlong(Vec3 midHip, Vec3 axis) {
        up = axis;
        right = Vec3.Z.minus(up.times(Vec3.Z.dot(up))).normalized();
        forward = up.cross(right);
        Vec3 neck = midHip.plus(up, body.torso());
        points[MID_HIP] = midHip;
        points[NECK] = neck;
        for (Side side : Side.values()) {
            points[side.hip] = midHip.plus(right, side.sign * body.pelvisHalfWidth());
            points[side.shoulder] = neck.plus(right, side.sign * body.shoulderHalfWidth())
                    .plus(up, -0.025);
        }
        return this;
    }

    /** The knee goes towards {@code kneePole}; an ankle out of reach ends where the leg is straight. */
    Figure leg(Side side, Vec3 ankle, Vec3 kneePole) {
        Vec3[] joints = reach(points[side.hip], ankle, body.thigh(), body.shank(), kneePole);
        points[side.knee] = joints[0];
        points[side.ankle] = joints[1];
        return this;
    }

    /**
     * Heel and toes around the placed ankle. {@code heading} is the horizontal direction the toes
     * point; {@code pitchDegrees} lifts the heel (plantar flexion).
     */
    Figure foot(Side side, Vec3 heading, double pitchDegrees) {
        Vec3[] frame = footFrame(heading, pitchDegrees);
        Vec3 along = frame[0];
        Vec3 normal = frame[1];
        Vec3 outward = heading.cross(Vec3.Y).normalized().times(side.sign);
        Vec3 ankle = points[side.ankle];
        Vec3 sole = ankle.plus(normal, -body.ankleHeight());
        points[side.heel] = sole.plus(along, -body.heel());
        points[side.bigToe] = sole.plus(along, body.toe()).plus(outward, -0.012);
        points[side.smallToe] = sole.plus(along, body.toe() * 0.8).plus(outward, 0.035);
        return this;
    }

    /** Where the ankle is when the ball of the foot rests at {@code ball} with the given pitch. */
    Vec3 ankleOverBall(Vec3 ball, Vec3 heading, double pitchDegrees) {
        Vec3[] frame = footFrame(heading, pitchDegrees);
        return ball.plus(frame[0], -body.toe()).plus(frame[1], body.ankleHeight());
    }

    private static Vec3[] footFrame(Vec3 heading, double pitchDegrees) {
        double pitch = StrictMath.toRadians(pitchDegrees);
        double cos = StrictMath.cos(pitch);
        double sin = StrictMath.sin(pitch);
        Vec3 along = heading.times(cos).plus(Vec3.Y, -sin);
        Vec3 normal = Vec3.Y.times(cos).plus(heading, sin);
        return new Vec3[] {along, normal};
    }

    Figure arm(Side side, Vec3 wrist, Vec3 elbowPole) {
        Vec3[] joints = reach(points[side.shoulder], wrist, body.upperArm(), body.forearm(), elbowPole);
        points[side.elbow] = joints[0];
        points[side.wrist] = joints[1];
        return this;
    }

    /**
     * Nose, eyes and ears. {@code pitchDegrees} bends the head forward from the trunk line
     * (negative: looks up), {@code turnDegrees} turns it towards the right.
     */
    Figure head(double pitchDegrees, double turnDegrees) {
        double pitch = StrictMath.toRadians(pitchDegrees);
        double turn = StrictMath.toRadians(turnDegrees);
        Vec3 headUp = up.times(StrictMath.cos(pitch)).plus(forward, StrictMath.sin(pitch));
        Vec3 face = forward.times(StrictMath.cos(pitch)).plus(up, -StrictMath.sin(pitch));
        Vec3 turnedFace = face.times(StrictMath.cos(turn)).plus(right, StrictMath.sin(turn));
        Vec3 headRight = right.times(StrictMath.cos(turn)).plus(face, -StrictMath.sin(turn));
        double h = body.head();
        Vec3 nose = points[NECK].plus(headUp, h * 1.05).plus(turnedFace, h * 0.5);
        points[NOSE] = nose;
        for (Side side : Side.values()) {
            points[side.eye] = nose.plus(headUp, h * 0.22).plus(turnedFace, -h * 0.15)
                    .plus(headRight, side.sign * h * 0.2);
            points[side.ear] = nose.plus(headUp, h * 0.05).plus(turnedFace, -h * 0.62)
                    .plus(headRight, side.sign * h * 0.46);
        }
        return this;
    }

    Vec3 point(int index) {
        return points[index];
    }

    Vec3 up() {
        return up;
    }

    Vec3 forward() {
        return forward;
    }

    Vec3 right() {
        return right;
    }

    /** The finished pose; every point must have been placed. */
    Vec3[] points() {
        for (int i = 0; i < POINTS; i++) {
            if (points[i] == null) {
                throw new IllegalStateException("keypoint " + i + " was never placed");
            }
        }
        return points.clone();
    }

    /**
     * Two-bone inverse kinematics: the middle joint bends towards {@code pole}. Returns the middle
     * joint and the end actually reached (the target, or as far as a straight limb goes).
     */
    static Vec3[] reach(Vec3 root, Vec3 target, double first, double second, Vec3 pole) {
        Vec3 toTarget = target.minus(root);
        double distance = toTarget.length();
        Vec3 axis = distance < 1e-9 ? pole.normalized() : toTarget.times(1.0 / distance);
        double clamped = Math.max(Math.abs(first - second) + 1e-6,
                Math.min(distance, (first + second) * 0.9999));
        double along = (first * first - second * second + clamped * clamped) / (2 * clamped);
        double radius = Math.sqrt(Math.max(0, first * first - along * along));
        Vec3 bend = pole.minus(axis.times(pole.dot(axis)));
        if (bend.length() < 1e-9) {
            bend = Math.abs(axis.y()) < 0.9 ? Vec3.Y.cross(axis) : Vec3.X.cross(axis);
        }
        Vec3 middle = root.plus(axis, along).plus(bend.normalized(), radius);
        return new Vec3[] {middle, root.plus(axis, clamped)};
    }
}
