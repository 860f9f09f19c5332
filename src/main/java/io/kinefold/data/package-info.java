/**
 * Pose data: reading OpenPose {@code --write_json} output (BODY_25, COCO and MPI layouts, the
 * legacy {@code pose_keypoints} key, several people per frame) and CSV recordings, the
 * {@code dataset.json} manifest, projection onto fourteen keypoints, normalisation and the
 * per-grid-point choice of a frame's features ({@link io.kinefold.data.FeatureOptions}: centring,
 * velocities, joint angles), and the
 * sample sets that model kinds cut from a dataset (the kinds themselves are in
 * {@code io.kinefold.kind}). Bad input never stops a load: each becomes a
 * {@link io.kinefold.data.Problem} naming the file and field, and only a dataset with nothing
 * usable is an error. Nothing here writes into a dataset folder.
 */
package io.kinefold.data;
