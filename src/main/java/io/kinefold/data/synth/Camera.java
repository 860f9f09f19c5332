package io.kinefold.data.synth;

/**
 * A fixed camera looking at the subject: perspective projection into a 1280×720 image, with the
 * camera turned around the subject ({@code yaw}, 0 = straight in front, positive = towards the
 * subject's right), raised or lowered ({@code elevation}), tilted in the image plane
 * ({@code roll}) and shifted so that the person lands somewhere in the frame.
 *
 * @param target         the point the camera looks at
 * @param distance       metres from the target to the camera
 * @param pixelsPerMetre image scale at the target's distance
 * @param shiftX         pixels the image is moved right
 * @param shiftY         pixels the image is moved down
 */
record Camera(Vec3 target, double yawDegrees, double elevationDegrees, double rollDegrees,
        double distance, double pixelsPerMetre, double shiftX, double shiftY) {

    static final int WIDTH = 1280;
    static final int HEIGHT = 720;

    /** The same camera with the image moved by ({@code dx}, {@code dy}) pixels. */
    Camera shifted(double dx, double dy) {
        return new Camera(target, yawDegrees, elevationDegrees, rollDegrees, distance, pixelsPerMetre,
                shiftX + dx, shiftY + dy);
    }

    /** Projects points; build one per recording, not per point. */
    Projector projector() {
        return new Projector(this);
    }

    static final class Projector {
        private final Camera camera;
        private final Vec3 position;
        private final Vec3 look;
        private final Vec3 imageRight;
        private final Vec3 imageUp;
        private final double focal;
        private final double rollCos;
        private final double rollSin;

        private Projector(Camera camera) {
            this.camera = camera;
            double yaw = StrictMath.toRadians(camera.yawDegrees);
            double elevation = StrictMath.toRadians(camera.elevationDegrees);
            Vec3 towardsCamera = new Vec3(StrictMath.cos(elevation) * StrictMath.cos(yaw),
                    StrictMath.sin(elevation), StrictMath.cos(elevation) * StrictMath.sin(yaw));
            this.position = camera.target.plus(towardsCamera, camera.distance);
            this.look = towardsCamera.times(-1);
            this.imageRight = look.cross(Vec3.Y).normalized();
            this.imageUp = imageRight.cross(look);
            this.focal = camera.pixelsPerMetre * camera.distance;
            double roll = StrictMath.toRadians(camera.rollDegrees);
            this.rollCos = StrictMath.cos(roll);
            this.rollSin = StrictMath.sin(roll);
        }

        /** Image x, image y (pixels, y down) and depth along the viewing axis (metres). */
        double[] project(Vec3 point) {
            Vec3 relative = point.minus(position);
            double depth = relative.dot(look);
            double x = focal * relative.dot(imageRight) / depth;
            double y = -focal * relative.dot(imageUp) / depth;
            return new double[] {
                WIDTH / 2.0 + camera.shiftX + rollCos * x - rollSin * y,
                HEIGHT / 2.0 + camera.shiftY + rollSin * x + rollCos * y,
                depth
            };
        }
    }
}
