package io.kinefold.data.synth;

/**
 * Someone in the background: smaller than the subject, less sharply detected, either standing
 * about (sometimes looking at a phone) or walking across the picture. The reader has to tell the
 * subject from them by continuity and confidence, as it would with real footage.
 */
final class Bystander {

    private final Proportions body;
    private final boolean walking;
    private final boolean onPhone;
    private final double speed;
    private final double cadence;
    private final int firstFrame;
    private final int lastFrame;
    private final double fps;
    private final Sway.Source sway;
    private final Camera.Projector projector;
    private final double heightPixels;
    private final Detector detector;

    /**
     * @param subjectBox the subject's image extent over the recording: min x, min y, max x, max y
     */
    Bystander(Rng rng, double subjectPixelsPerMetre, double[] subjectBox, int frames, double fps) {
        this.body = Proportions.sample(rng);
        this.walking = rng.chance(0.5);
        this.onPhone = !walking && rng.chance(0.4);
        this.speed = rng.uniform(1.0, 1.5);
        this.cadence = rng.uniform(0.8, 1.0);
        this.fps = fps;
        this.sway = new Sway.Source(rng, 1.5);
        double scale = subjectPixelsPerMetre * rng.uniform(0.45, 0.75);
        this.heightPixels = scale * body.standingHeight();
        double yaw = walking ? rng.sign() * rng.gaussian(90, 8) : rng.uniform(-70, 70);
        Camera camera = new Camera(new Vec3(0, 0.9, 0), yaw, rng.uniform(-3, 8), 0, 8, scale, 0, 0);

        // Feet a little higher in the picture than the subject's: further back on the same floor.
        double feetY = Math.min(subjectBox[3] - rng.uniform(0.05, 0.3) * (subjectBox[3] - subjectBox[1]),
                Camera.HEIGHT - 5);
        feetY = Math.max(feetY, heightPixels + 5);
        double[] origin = camera.projector().project(new Vec3(0, 0, 0));
        double shiftY = feetY - origin[1];
        double shiftX;
        if (walking) {
            double[] ahead = camera.projector().project(new Vec3(1, 0, 0));
            double pixelsPerSecond = (ahead[0] - origin[0]) * speed;
            // Enter from the edge the walk starts at, somewhere between before the recording and
            // its middle, so that the crossing overlaps the recording by varying amounts.
            int entry = rng.between(-frames / 3, frames * 2 / 3);
            double entryX = pixelsPerSecond > 0 ? -40 : Camera.WIDTH + 40;
            shiftX = entryX - origin[0] - pixelsPerSecond * entry / fps;
            // Someone crossing the room passes behind furniture or out through a door.
            this.firstFrame = Math.max(0, entry);
            this.lastFrame = Math.min(frames - 1, firstFrame + rng.between(frames / 5, frames / 2));
        } else {
            shiftX = standingX(rng, subjectBox) - origin[0];
            this.firstFrame = rng.between(0, frames / 2);
            this.lastFrame = Math.min(frames - 1, firstFrame + rng.between(frames / 5, frames / 2));
        }
        this.projector = camera.shifted(shiftX, shiftY).projector();
        this.detector = new Detector(rng, Detector.Profile.sample(rng).background());
    }

    /** Beside the subject if there is room, otherwise anywhere: people do walk behind others. */
    private double standingX(Rng rng, double[] subjectBox) {
        double halfWidth = heightPixels * 0.2;
        double leftRoom = subjectBox[0] - 2 * halfWidth - 20;
        double rightRoom = Camera.WIDTH - subjectBox[2] - 2 * halfWidth - 20;
        if (leftRoom > 0 && (rightRoom <= 0 || rng.chance(0.5))) {
            return halfWidth + 10 + rng.uniform(0, leftRoom);
        }
        if (rightRoom > 0) {
            return subjectBox[2] + halfWidth + 10 + rng.uniform(0, rightRoom);
        }
        return rng.uniform(halfWidth, Camera.WIDTH - halfWidth);
    }

    /** The detected keypoints in frame {@code index}, or null when the person is not in view. */
    double[] frame(int index) {
        if (index < firstFrame || index > lastFrame) {
            return null;
        }
        double seconds = index / fps;
        Vec3[] pose = walking ? walk(seconds) : stand(seconds);
        double[][] image = new double[Figure.POINTS][];
        int inside = 0;
        for (int k = 0; k < Figure.POINTS; k++) {
            image[k] = projector.project(pose[k]);
            if (image[k][0] >= 0 && image[k][0] < Camera.WIDTH) {
                inside++;
            }
        }
        // The detector still runs on frames where the person is out of view, so that its jitter
        // carries over when they come back in.
        double[] keypoints = detector.detect(image, heightPixels);
        int found = 0;
        for (int k = 0; k < Figure.POINTS; k++) {
            if (keypoints[3 * k + 2] > 0) {
                found++;
            }
        }
        return inside < 8 || found < 6 ? null : keypoints;
    }

    private Vec3[] walk(double seconds) {
        double phase = 2 * Math.PI * cadence * seconds;
        double x = speed * seconds;
        Sway s = sway.at(seconds);
        double bob = 0.02 * Math.abs(StrictMath.sin(phase));
        double legReach = Math.sqrt(Math.pow(body.leg() * 0.98, 2) - 0.0625 * body.leg() * body.leg());
        Figure figure = new Figure(body).trunk(new Vec3(x, body.ankleHeight() + legReach + bob, 0), 4, s.roll());
        for (Side side : Side.values()) {
            double legPhase = phase + (side == Side.RIGHT ? 0 : Math.PI);
            double stride = 0.25 * body.leg() * StrictMath.sin(legPhase);
            double lift = 0.08 * Math.max(0, StrictMath.cos(legPhase));
            Vec3 ankle = new Vec3(x + stride, body.ankleHeight() + lift, side.sign * body.pelvisHalfWidth());
            figure.leg(side, ankle, Vec3.X).foot(side, Vec3.X, 15 * Math.max(0, -StrictMath.cos(legPhase)));
            Vec3 wrist = figure.point(side.shoulder).plus(Vec3.Y, -body.armReach(165))
                    .plus(Vec3.X, -0.6 * stride);
            figure.arm(side, wrist, new Vec3(-1, 0, side.sign * 0.2));
        }
        return figure.head(5 + s.head(), s.turn()).points();
    }

    private Vec3[] stand(double seconds) {
        Sway s = sway.at(seconds);
        double lateral = 0.02;
        double legReach = Math.sqrt(Math.pow(body.leg() * 0.995, 2) - lateral * lateral);
        Figure figure = new Figure(body)
                .trunk(new Vec3(s.dx(), body.ankleHeight() + legReach, s.dz()), 2 + s.lean(), s.roll());
        for (Side side : Side.values()) {
            Vec3 ankle = new Vec3(0, body.ankleHeight(), side.sign * (body.pelvisHalfWidth() + lateral));
            figure.leg(side, ankle, Vec3.X).foot(side, Vec3.X, 0);
            Vec3 shoulder = figure.point(side.shoulder);
            Vec3 wrist = onPhone
                    ? figure.point(Figure.NECK).plus(figure.forward(), 0.28).plus(Vec3.Y, -0.2)
                            .plus(Vec3.Z, side.sign * 0.03)
                    : shoulder.plus(Vec3.Y, -body.armReach(168)).plus(Vec3.X, 0.02);
            figure.arm(side, wrist, new Vec3(-1, -0.5, side.sign * 0.4));
        }
        return figure.head((onPhone ? 30 : 3) + s.head(), s.turn()).points();
    }
}
