package io.kinefold.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the models need of a dataset, and nothing else: the labels and the normalised tracks
 * (with the kept frames' coordinates as recorded and the scale, from which every
 * {@link FeatureOptions} is computed), without the rest of the detector output. Sent to each worker process once, so that a worker does not
 * parse thousands of frame files again.
 *
 * <p>It travels as bytes ({@link #toBytes}): a short JSON header with the labels and the shape of
 * every matrix, then the matrices as they lie in memory (little-endian ints and floats, a byte a
 * flag). A worker takes them with bulk copies, where parsing the same numbers from text cost a
 * fresh JVM a fifth of a second of interpreted code.
 *
 * @param name dataset name
 * @param root dataset folder, for provenance and messages
 * @param fps frames per second
 * @param recordings the labelled content of every recording
 */
public record DatasetSnapshot(String name, String root, double fps, List<RecordingSnapshot> recordings) {
    private static final int MAGIC = 0x4B464453; // "KFDS"
    private static final int VERSION = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One recording's labels and normalised track, field by field as {@link NormalizedTrack} has them. */
    public record RecordingSnapshot(String id, String subject, String exercise, List<FrameRange> startFrames, List<Rep> reps,
                                    int[] frameNumbers, float[][] features, boolean[][] observed, int droppedFrames,
                                    float[][] raw, double scale) {}

    /** The header: everything but the matrices, with their shapes. */
    private record Header(String name, String root, double fps, List<RecordingHeader> recordings) {}

    private record RecordingHeader(String id, String subject, String exercise, List<FrameRange> startFrames, List<Rep> reps,
                                   int droppedFrames, double scale, int frames, int featureColumns, int flagColumns,
                                   int rawColumns) {}

    public static DatasetSnapshot of(Dataset dataset) {
        List<RecordingSnapshot> recordings = new ArrayList<>();
        for (Recording r : dataset.recordings()) {
            NormalizedTrack t = r.normalized();
            recordings.add(new RecordingSnapshot(r.id(), r.subject(), r.exercise(), r.startFrames(), r.reps(),
                    t.frameNumbers(), t.features(), t.observed(), t.droppedFrames(), t.raw(), t.scale()));
        }
        return new DatasetSnapshot(dataset.name(), dataset.root().toString(), dataset.fps(), recordings);
    }

    /** A dataset with the same samples; its tracks hold no raw keypoints. */
    public Dataset toDataset() {
        List<Recording> list = new ArrayList<>();
        for (RecordingSnapshot r : recordings) {
            NormalizedTrack t = new NormalizedTrack(r.frameNumbers(), r.features(), r.observed(), r.droppedFrames(),
                    r.raw(), r.scale());
            PoseTrack empty = new PoseTrack(new int[0], new float[0][], BodyLayout.BODY_25, false);
            list.add(new Recording(r.id(), Path.of(root, r.id()), r.subject(), r.exercise(), r.startFrames(), r.reps(), empty, t));
        }
        return new Dataset(name, Path.of(root), fps, true, list, List.of());
    }

    /** The snapshot as bytes, for {@link #fromBytes}. */
    public byte[] toBytes() {
        List<RecordingHeader> shapes = new ArrayList<>();
        long body = 0;
        for (RecordingSnapshot r : recordings) {
            int frames = r.frameNumbers().length;
            int featureColumns = columns(r.features(), frames, r.id() + ": features");
            int flagColumns = columns(r.observed(), frames, r.id() + ": observed");
            int rawColumns = columns(r.raw(), frames, r.id() + ": raw");
            shapes.add(new RecordingHeader(r.id(), r.subject(), r.exercise(), r.startFrames(), r.reps(), r.droppedFrames(),
                    r.scale(), frames, featureColumns, flagColumns, rawColumns));
            body += (long) frames * (Integer.BYTES + (long) (featureColumns + rawColumns) * Float.BYTES + flagColumns);
        }
        byte[] header;
        try {
            header = JSON.writeValueAsBytes(new Header(name, root, fps, shapes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the snapshot's header: " + e.getOriginalMessage(), e);
        }
        long size = 3L * Integer.BYTES + header.length + body;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("dataset " + name + " is too large to send to a worker: " + (size >> 20) + " MB");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(MAGIC).putInt(VERSION).putInt(header.length).put(header);
        for (RecordingSnapshot r : recordings) {
            out.asIntBuffer().put(r.frameNumbers());
            out.position(out.position() + r.frameNumbers().length * Integer.BYTES);
            for (float[] row : r.features()) {
                out.asFloatBuffer().put(row);
                out.position(out.position() + row.length * Float.BYTES);
            }
            for (boolean[] row : r.observed()) {
                for (boolean flag : row) {
                    out.put((byte) (flag ? 1 : 0));
                }
            }
            for (float[] row : r.raw()) {
                out.asFloatBuffer().put(row);
                out.position(out.position() + row.length * Float.BYTES);
            }
        }
        return out.array();
    }

    /**
     * The snapshot {@link #toBytes} wrote.
     *
     * @throws IOException when the bytes are not a whole snapshot of this version
     */
    public static DatasetSnapshot fromBytes(byte[] bytes) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        try {
            if (in.getInt() != MAGIC || in.getInt() != VERSION) {
                throw new IOException("not a dataset snapshot of version " + VERSION);
            }
            int headerLength = in.getInt();
            if (headerLength < 0 || headerLength > in.remaining()) {
                throw new IOException("the snapshot's header is cut short");
            }
            Header header = JSON.readValue(bytes, in.position(), headerLength, Header.class);
            in.position(in.position() + headerLength);
            List<RecordingSnapshot> recordings = new ArrayList<>();
            for (RecordingHeader h : header.recordings()) {
                if (h.frames() < 0 || h.featureColumns() < 0 || h.flagColumns() < 0 || h.rawColumns() < 0) {
                    throw new IOException(h.id() + ": a negative size");
                }
                int[] frameNumbers = new int[h.frames()];
                in.asIntBuffer().get(frameNumbers);
                in.position(in.position() + frameNumbers.length * Integer.BYTES);
                float[][] features = new float[h.frames()][h.featureColumns()];
                for (float[] row : features) {
                    in.asFloatBuffer().get(row);
                    in.position(in.position() + row.length * Float.BYTES);
                }
                boolean[][] observed = new boolean[h.frames()][h.flagColumns()];
                for (boolean[] row : observed) {
                    for (int c = 0; c < row.length; c++) {
                        row[c] = in.get() != 0;
                    }
                }
                float[][] raw = new float[h.frames()][h.rawColumns()];
                for (float[] row : raw) {
                    in.asFloatBuffer().get(row);
                    in.position(in.position() + row.length * Float.BYTES);
                }
                recordings.add(new RecordingSnapshot(h.id(), h.subject(), h.exercise(), h.startFrames(), h.reps(),
                        frameNumbers, features, observed, h.droppedFrames(), raw, h.scale()));
            }
            if (in.hasRemaining()) {
                throw new IOException(in.remaining() + " bytes after the last recording");
            }
            return new DatasetSnapshot(header.name(), header.root(), header.fps(), recordings);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new IOException("the snapshot is cut short", e);
        }
    }

    private static int columns(Object[] rows, int frames, String what) {
        if (rows.length != frames) {
            throw new IllegalArgumentException(what + ": " + rows.length + " rows for " + frames + " frames");
        }
        int columns = rows.length == 0 ? 0 : java.lang.reflect.Array.getLength(rows[0]);
        for (Object row : rows) {
            if (java.lang.reflect.Array.getLength(row) != columns) {
                throw new IllegalArgumentException(what + ": rows of different lengths");
            }
        }
        return columns;
    }
}
