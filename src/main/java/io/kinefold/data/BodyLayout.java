package io.kinefold.data;

import java.util.Optional;

/**
 * The OpenPose body models, told apart by the length of a person's keypoint array, and how
 * each projects onto the fourteen keypoints every model of Kinefold sees.
 */
public enum BodyLayout {
    BODY_25(25, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14}),
    COCO_18(18, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}),
    MPI_15(15, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13});

    private final int keypoints;
    private final int[] projection;

    BodyLayout(int keypoints, int[] projection) {
        this.keypoints = keypoints;
        this.projection = projection;
    }

    /** Values in one person's flat {@code x,y,c} array. */
    public int arrayLength() {
        return keypoints * 3;
    }

    public int keypoints() {
        return keypoints;
    }

    /** Index in this layout of each of the fourteen {@link Skeleton} keypoints, in order. */
    public int sourceIndex(int skeletonKeypoint) {
        return projection[skeletonKeypoint];
    }

    public static Optional<BodyLayout> forArrayLength(int length) {
        for (BodyLayout layout : values()) {
            if (layout.arrayLength() == length) {
                return Optional.of(layout);
            }
        }
        return Optional.empty();
    }
}
