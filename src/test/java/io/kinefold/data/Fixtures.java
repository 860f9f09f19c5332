package io.kinefold.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writes small OpenPose outputs and manifests for tests. */
public final class Fixtures {
    private Fixtures() {}

    /** A standing COCO-18 person at an offset, every keypoint detected with the given confidence. */
    static float[] coco(float dx, float dy, float confidence) {
        float[][] xy = {
            {100, 40}, {100, 80}, {80, 80}, {75, 120}, {70, 160}, {120, 80}, {125, 120}, {130, 160},
            {90, 180}, {90, 240}, {90, 300}, {110, 180}, {110, 240}, {110, 300}, {95, 35}, {105, 35}, {90, 38}, {110, 38}
        };
        float[] out = new float[54];
        for (int k = 0; k < 18; k++) {
            out[k * 3] = xy[k][0] + dx;
            out[k * 3 + 1] = xy[k][1] + dy;
            out[k * 3 + 2] = confidence;
        }
        return out;
    }

    /** A BODY_25 array that carries {@code coco}'s keypoints at BODY_25's indices (mid-hip in between). */
    static float[] body25(float dx, float dy) {
        float[] c = coco(dx, dy, 0.9f);
        float[] out = new float[75];
        int[] cocoToBody = {0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18};
        for (int k = 0; k < 18; k++) {
            System.arraycopy(c, k * 3, out, cocoToBody[k] * 3, 3);
        }
        out[8 * 3] = (c[8 * 3] + c[11 * 3]) / 2;
        out[8 * 3 + 1] = c[8 * 3 + 1];
        out[8 * 3 + 2] = 0.9f;
        return out;
    }

    static String people(String key, float[]... persons) {
        return "{\"version\":1.3,\"people\":[" + Arrays.stream(persons)
                .map(p -> "{\"person_id\":[-1],\"" + key + "\":[" + numbers(p) + "],\"face_keypoints_2d\":[]}")
                .collect(Collectors.joining(",")) + "]}";
    }

    static String people(float[]... persons) {
        return people("pose_keypoints_2d", persons);
    }

    static String numbers(float[] values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", values[i]));
        }
        return b.toString();
    }

    static Path frame(Path dir, String name, int frame, String content) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(String.format(Locale.ROOT, "%s_%012d_keypoints.json", name, frame));
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A recording of {@code frames} frames of one COCO person moving right by one pixel a frame. */
    public static Path recording(Path dir, String name, int frames) {
        for (int f = 0; f < frames; f++) {
            frame(dir, name, f, people(coco(f, 0, 0.8f)));
        }
        return dir;
    }

    public static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
