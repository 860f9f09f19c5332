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
    public static final int RIGHT_SHOULDER = 2;
    public static final int RIGHT_ELBOW = 3;
    public static final int RIGHT_WRIST = 4;
    public static final int LEFT_SHOULDER = 5;
    public static final int LEFT_ELBOW = 6;
    public static final int LEFT_WRIST = 7;
    public static final int RIGHT_HIP = 8;
    public static final int RIGHT_KNEE = 9;
    public static final int RIGHT_ANKLE = 10;
    public static final int LEFT_HIP = 11;
    public static final int LEFT_KNEE = 12;
    public static final int LEFT_ANKLE = 13;

    /**
     * The joint angles a frame's features may add, each as {@code {a, joint, b}}: the angle at
     * {@code joint} between the segments to {@code a} and to {@code b}. Elbows (upper arm to
     * forearm), shoulders (torso side to upper arm), hips (torso side to thigh), knees (thigh to
     * shin), right before left.
     */
    public static final int[][] ANGLES = {
        {RIGHT_SHOULDER, RIGHT_ELBOW, RIGHT_WRIST}, {LEFT_SHOULDER, LEFT_ELBOW, LEFT_WRIST},
        {RIGHT_HIP, RIGHT_SHOULDER, RIGHT_ELBOW}, {LEFT_HIP, LEFT_SHOULDER, LEFT_ELBOW},
        {RIGHT_SHOULDER, RIGHT_HIP, RIGHT_KNEE}, {LEFT_SHOULDER, LEFT_HIP, LEFT_KNEE},
        {RIGHT_HIP, RIGHT_KNEE, RIGHT_ANKLE}, {LEFT_HIP, LEFT_KNEE, LEFT_ANKLE}
    };
    public static final List<String> ANGLE_NAMES = List.of(
            "right elbow", "left elbow", "right shoulder", "left shoulder",
            "right hip", "left hip", "right knee", "left knee");

    /** Pairs of keypoint indices joined by a bone, for drawing. */
    public static final int[][] BONES = {
        {0, 1}, {1, 2}, {2, 3}, {3, 4}, {1, 5}, {5, 6}, {6, 7},
        {1, 8}, {8, 9}, {9, 10}, {1, 11}, {11, 12}, {12, 13}, {8, 11}
    };

    private Skeleton() {}
}
