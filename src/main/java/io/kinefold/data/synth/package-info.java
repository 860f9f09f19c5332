/**
 * The synthetic dataset generator behind {@code kinefold dataset generate}: subjects with their
 * own body proportions, tempo and camera placement perform squats, push-ups, lunges and shoulder
 * presses, correctly or with typical faults whose severity overlaps natural variation; a 3D
 * skeleton is posed by inverse kinematics, filmed by a perspective camera and passed through an
 * OpenPose-like detector (correlated jitter, confidences, missed and swapped keypoints, empty
 * frames, bystanders) before being written as per-frame OpenPose JSON with a
 * {@code dataset.json} manifest. {@link io.kinefold.data.synth.DatasetGenerator} is the entry
 * point; everything else is package-private, and one seed always gives byte-identical output.
 */
package io.kinefold.data.synth;
