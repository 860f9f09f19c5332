package io.kinefold.data;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the models need of a dataset, and nothing else: the labels and the normalised tracks,
 * without the raw detector output. Sent to each worker process once, so that a worker does not
 * parse thousands of frame files again.
 *
 * @param name dataset name
 * @param root dataset folder, for provenance and messages
 * @param fps frames per second
 * @param recordings the labelled content of every recording
 */
public record DatasetSnapshot(String name, String root, double fps, List<RecordingSnapshot> recordings) {

    /** One recording's labels and normalised track. */
    public record RecordingSnapshot(String id, String subject, String exercise, List<FrameRange> startFrames, List<Rep> reps,
                                    int[] frameNumbers,
                                    @JsonSerialize(using = PackedArrays.FloatsOut.class)
                                    @JsonDeserialize(using = PackedArrays.FloatsIn.class) float[][] features,
                                    @JsonSerialize(using = PackedArrays.FlagsOut.class)
                                    @JsonDeserialize(using = PackedArrays.FlagsIn.class) boolean[][] observed,
                                    int droppedFrames) {}

    public static DatasetSnapshot of(Dataset dataset) {
        List<RecordingSnapshot> recordings = new ArrayList<>();
        for (Recording r : dataset.recordings()) {
            NormalizedTrack t = r.normalized();
            recordings.add(new RecordingSnapshot(r.id(), r.subject(), r.exercise(), r.startFrames(), r.reps(),
                    t.frameNumbers(), t.features(), t.observed(), t.droppedFrames()));
        }
        return new DatasetSnapshot(dataset.name(), dataset.root().toString(), dataset.fps(), recordings);
    }

    /** A dataset with the same samples; its tracks hold no raw keypoints. */
    public Dataset toDataset() {
        List<Recording> list = new ArrayList<>();
        for (RecordingSnapshot r : recordings) {
            NormalizedTrack t = new NormalizedTrack(r.frameNumbers(), r.features(), r.observed(), r.droppedFrames());
            PoseTrack empty = new PoseTrack(new int[0], new float[0][], BodyLayout.BODY_25, false);
            list.add(new Recording(r.id(), Path.of(root, r.id()), r.subject(), r.exercise(), r.startFrames(), r.reps(), empty, t));
        }
        return new Dataset(name, Path.of(root), fps, true, list, List.of());
    }
}
