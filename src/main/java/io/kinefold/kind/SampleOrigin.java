package io.kinefold.kind;

import io.kinefold.data.Dataset;
import io.kinefold.data.FrameSamples;
import io.kinefold.data.NormalizedTrack;
import io.kinefold.data.Recording;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one of a model's samples was cut from, for showing what a model predicts sample by sample.
 *
 * @param recording the recording's id, or null when the kind does not say
 * @param firstFrame the first frame of the sample (the frame itself for a single-frame sample), or -1
 * @param lastFrame the last frame, the same as {@code firstFrame} for a single-frame sample
 * @param label the sample's class index, as in the model's samples
 */
public record SampleOrigin(String recording, int firstFrame, int lastFrame, int label) {
    public boolean singleFrame() {
        return firstFrame == lastFrame;
    }

    /**
     * The origins of {@link FrameSamples#cut}'s samples, in its order: it walks the labelled
     * recordings' kept frames and takes those {@code label} keeps. Kept in step with it by the
     * labels, which {@code KindSamplesTest} and every prediction compare.
     */
    static List<SampleOrigin> frames(Dataset dataset, FrameSamples.FrameLabel label) {
        List<SampleOrigin> origins = new ArrayList<>();
        for (Recording r : dataset.recordings()) {
            if (!r.labelled()) {
                continue;
            }
            NormalizedTrack t = r.normalized();
            for (int i = 0; i < t.size(); i++) {
                int frame = t.frameNumbers()[i];
                int c = label.of(r, frame);
                if (c >= 0) {
                    origins.add(new SampleOrigin(r.id(), frame, frame, c));
                }
            }
        }
        return origins;
    }
}
