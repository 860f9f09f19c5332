package io.kinefold.data.synth;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes frames the way OpenPose's {@code --write_json} does, but with short numbers: a tenth of
 * a pixel and a thousandth of confidence are below the detector's own precision, and the bundled
 * dataset is kept small. Formatting is done by hand so that it never depends on a locale.
 */
final class FrameJson {

    private FrameJson() {
    }

    /** {@code <id>_<12-digit frame>_keypoints.json}, as OpenPose names them. */
    static String fileName(String id, int frame) {
        String digits = Integer.toString(frame);
        return id + "_" + "0".repeat(Math.max(0, 12 - digits.length())) + digits + "_keypoints.json";
    }

    /** @param people per person the 75 values of a BODY_25 array; a missed keypoint is 0,0,0 */
    static byte[] encode(List<double[]> people) {
        StringBuilder out = new StringBuilder(560 * Math.max(1, people.size()));
        out.append("{\"version\":1.3,\"people\":[");
        for (int i = 0; i < people.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"person_id\":[-1],\"pose_keypoints_2d\":[");
            keypoints(out, people.get(i));
            out.append("]}");
        }
        out.append("]}");
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The flat {@code x,y,c} values, comma-separated, short; a missed keypoint is 0,0,0. */
    static void keypoints(StringBuilder out, double[] keypoints) {
        for (int k = 0; k < keypoints.length; k += 3) {
            if (k > 0) {
                out.append(',');
            }
            if (keypoints[k + 2] <= 0) {
                out.append("0,0,0");
                continue;
            }
            pixel(out, keypoints[k]);
            out.append(',');
            pixel(out, keypoints[k + 1]);
            out.append(',');
            confidence(out, keypoints[k + 2]);
        }
    }

    /** One decimal, none when it is zero: 641.3, 640. */
    static void pixel(StringBuilder out, double value) {
        long tenths = Math.round(value * 10);
        if (tenths < 0) {
            out.append('-');
            tenths = -tenths;
        }
        out.append(tenths / 10);
        long decimal = tenths % 10;
        if (decimal != 0) {
            out.append('.').append(decimal);
        }
    }

    /** Up to three decimals without trailing zeros: 0.873, 0.87, 1. */
    static void confidence(StringBuilder out, double value) {
        long thousandths = Math.round(Math.max(0, value) * 1000);
        out.append(thousandths / 1000);
        long fraction = thousandths % 1000;
        if (fraction != 0) {
            String digits = Long.toString(1000 + fraction).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            out.append('.').append(digits, 0, end);
        }
    }
}
