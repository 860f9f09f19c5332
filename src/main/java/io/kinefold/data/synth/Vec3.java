package io.kinefold.data.synth;

/**
 * A point or direction in the subject's world, in metres: x points where the subject faces at the
 * start, y up from the floor, z to the subject's right. The sagittal plane is x–y.
 */
record Vec3(double x, double y, double z) {

    static final Vec3 ZERO = new Vec3(0, 0, 0);
    static final Vec3 X = new Vec3(1, 0, 0);
    static final Vec3 Y = new Vec3(0, 1, 0);
    static final Vec3 Z = new Vec3(0, 0, 1);

    Vec3 plus(Vec3 o) {
        return new Vec3(x + o.x, y + o.y, z + o.z);
    }

    Vec3 minus(Vec3 o) {
        return new Vec3(x - o.x, y - o.y, z - o.z);
    }

    Vec3 times(double s) {
        return new Vec3(x * s, y * s, z * s);
    }

    /** {@code this + o * s}, the step most poses are built from. */
    Vec3 plus(Vec3 o, double s) {
        return new Vec3(x + o.x * s, y + o.y * s, z + o.z * s);
    }

    double dot(Vec3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    Vec3 cross(Vec3 o) {
        return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
    }

    double length() {
        return Math.sqrt(dot(this));
    }

    Vec3 normalized() {
        double length = length();
        return length < 1e-12 ? this : times(1.0 / length);
    }

    Vec3 lerp(Vec3 to, double t) {
        return new Vec3(x + (to.x - x) * t, y + (to.y - y) * t, z + (to.z - z) * t);
    }

    /** A unit vector in the sagittal plane, {@code degrees} from straight up towards +x. */
    static Vec3 sagittal(double degrees) {
        double a = StrictMath.toRadians(degrees);
        return new Vec3(StrictMath.sin(a), StrictMath.cos(a), 0);
    }
}
