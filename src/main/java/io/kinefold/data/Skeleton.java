package io.kinefold.data;

import java.util.List;

/** The fourteen keypoints every layout is projected onto, and the bones between them. */
public final class Skeleton {
    public static final List<String> KEYPOINTS = List.of(
            "head", "neck",
            "right shoulder", "right elbow", "right wrist",
            "left shoulder", "left elbow", "left wrist",
            "right hip", "right knee", "right ankle",
            "left hip", "left knee", "left ankle");

    public static final int KEYPOINT_COUNT = 14;
    /** Features per frame: x and y of each keypoint. */
    public static final int FEATURES = KEYPOINT_COUNT * 2;

    public static final int HEAD = 0;
    public static final int NECK = 1;
    public static final int RIGHT_HIP = 8;
    public static final int LEFT_HIP = 11;

    /** Pairs of keypoint indices joined by a bone, for drawing. */
    public static final int[][] BONES = {
        {0, 1}, {1, 2}, {2, 3}, {3, 4}, {1, 5}, {5, 6}, {6, 7},
        {1, 8}, {8, 9}, {9, 10}, {1, 11}, {11, 12}, {12, 13}, {8, 11}
    };

    private Skeleton() {}
}
