package io.kinefold.data;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Matrices of a {@link DatasetSnapshot} in JSON as {@code {"rows":R,"cols":C,"data":"<base64>"}}:
 * little-endian floats (or one byte per flag) instead of decimal text. A worker takes the whole
 * dataset at start; in this form the message is a third of the size and is written and read
 * several times faster, on the app's side and in every worker.
 */
final class PackedArrays {
    private PackedArrays() {}

    static final class FloatsOut extends JsonSerializer<float[][]> {
        @Override
        public void serialize(float[][] rows, JsonGenerator g, SerializerProvider provider) throws IOException {
            int cols = rows.length == 0 ? 0 : rows[0].length;
            ByteBuffer bytes = ByteBuffer.allocate(rows.length * cols * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            FloatBuffer floats = bytes.asFloatBuffer();
            for (float[] row : rows) {
                if (row.length != cols) {
                    throw new IOException("rows of different lengths: " + row.length + " and " + cols);
                }
                floats.put(row);
            }
            write(g, rows.length, cols, bytes.array());
        }
    }

    static final class FloatsIn extends JsonDeserializer<float[][]> {
        @Override
        public float[][] deserialize(JsonParser p, DeserializationContext context) throws IOException {
            JsonNode node = p.readValueAsTree();
            int rows = node.path("rows").asInt(-1), cols = node.path("cols").asInt(-1);
            byte[] data = node.path("data").binaryValue();
            if (rows < 0 || cols < 0 || data == null || data.length != (long) rows * cols * Float.BYTES) {
                throw context.weirdStringException(String.valueOf(node), float[][].class, "not a packed float matrix");
            }
            FloatBuffer floats = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            float[][] out = new float[rows][cols];
            for (float[] row : out) {
                floats.get(row);
            }
            return out;
        }
    }

    static final class FlagsOut extends JsonSerializer<boolean[][]> {
        @Override
        public void serialize(boolean[][] rows, JsonGenerator g, SerializerProvider provider) throws IOException {
            int cols = rows.length == 0 ? 0 : rows[0].length;
            byte[] bytes = new byte[rows.length * cols];
            for (int r = 0; r < rows.length; r++) {
                if (rows[r].length != cols) {
                    throw new IOException("rows of different lengths: " + rows[r].length + " and " + cols);
                }
                for (int c = 0; c < cols; c++) {
                    bytes[r * cols + c] = (byte) (rows[r][c] ? 1 : 0);
                }
            }
            write(g, rows.length, cols, bytes);
        }
    }

    static final class FlagsIn extends JsonDeserializer<boolean[][]> {
        @Override
        public boolean[][] deserialize(JsonParser p, DeserializationContext context) throws IOException {
            JsonNode node = p.readValueAsTree();
            int rows = node.path("rows").asInt(-1), cols = node.path("cols").asInt(-1);
            byte[] data = node.path("data").binaryValue();
            if (rows < 0 || cols < 0 || data == null || data.length != (long) rows * cols) {
                throw context.weirdStringException(String.valueOf(node), boolean[][].class, "not a packed flag matrix");
            }
            boolean[][] out = new boolean[rows][cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    out[r][c] = data[r * cols + c] != 0;
                }
            }
            return out;
        }
    }

    private static void write(JsonGenerator g, int rows, int cols, byte[] data) throws IOException {
        g.writeStartObject();
        g.writeNumberField("rows", rows);
        g.writeNumberField("cols", cols);
        g.writeBinaryField("data", data);
        g.writeEndObject();
    }
}
