package io.kinefold.exec;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A worker's stdin as the protocol writes it: lines of UTF-8 text (messages, or noise to be
 * ignored), and after an {@link WorkerMessage.Init} line the block of bytes it announced.
 */
final class MessageInput implements AutoCloseable {
    /** A line longer than this is noise, not a message: it is read to its end and dropped. */
    static final int MAX_LINE_BYTES = 1 << 20;

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;

    MessageInput(InputStream in) {
        this.in = in;
    }

    /** The next line without its end, or null at the end of the input. */
    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean tooLong = false;
        while (true) {
            if (position == limit && !fill()) {
                return line.size() == 0 && !tooLong ? null : text(line, tooLong);
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            if (!tooLong) {
                line.write(buffer, start, position - start);
                if (line.size() > MAX_LINE_BYTES) {
                    tooLong = true;
                    line.reset();
                }
            }
            if (position < limit) {
                position++; // the newline
                return text(line, tooLong);
            }
        }
    }

    /** The next {@code n} bytes. */
    byte[] readBlock(int n) throws IOException {
        byte[] block = new byte[n];
        int done = Math.min(n, limit - position);
        System.arraycopy(buffer, position, block, 0, done);
        position += done;
        while (done < n) {
            int read = in.read(block, done, n - done);
            if (read < 0) {
                throw new EOFException("the input ended " + (n - done) + " bytes before the end of a block of " + n);
            }
            done += read;
        }
        return block;
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(read, 0);
        return read > 0;
    }

    private static String text(ByteArrayOutputStream line, boolean tooLong) {
        return tooLong ? "" : line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
