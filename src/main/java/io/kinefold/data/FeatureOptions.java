package io.kinefold.data;

/**
 * What one frame's features are, as a grid point chooses them: the keypoints' coordinates in a
 * {@link Centring}, then optionally their frame-to-frame velocities, then optionally the joint
 * angles of {@link Skeleton#ANGLES}.
 *
 * @param centring where coordinates are measured from
 * @param velocities whether each coordinate's change since the previous kept frame follows the coordinates
 * @param angles whether the joint angles follow, each as the angle over π
 */
public record FeatureOptions(Centring centring, boolean velocities, boolean angles) {
    /** Today's features: neck-centred coordinates and nothing else. */
    public static final FeatureOptions DEFAULT = new FeatureOptions(Centring.NECK, false, false);

    public FeatureOptions {
        if (centring == null) {
            throw new IllegalArgumentException("centring: missing");
        }
    }

    /** Values per frame: 28 coordinates, plus 28 velocities, plus 8 angles. */
    public int count() {
        return Skeleton.FEATURES + (velocities ? Skeleton.FEATURES : 0) + (angles ? Skeleton.ANGLES.length : 0);
    }

    public boolean isDefault() {
        return equals(DEFAULT);
    }
}
