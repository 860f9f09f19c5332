package io.kinefold.exec;

import io.kinefold.experiment.Trial;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A real worker that dies (exit code 9, no goodbye) the moment it is given a trial of grid
 * point 1, like a worker that a trial crashes every time.
 */
final class HaltingWorkerMain {
    static final int EXIT_CODE = 9;

    private HaltingWorkerMain() {}

    static boolean doomed(Trial trial) {
        return trial.key().contains("/g1/");
    }

    public static void main(String[] args) throws Exception {
        MessageInput in = new MessageInput(System.in);
        System.setIn(new InputStream() {
            private byte[] line = new byte[0];
            private int pos;

            @Override
            public int read() throws IOException {
                return fill() ? line[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                if (!fill()) {
                    return -1;
                }
                int n = Math.min(len, line.length - pos);
                System.arraycopy(line, pos, b, off, n);
                pos += n;
                return n;
            }

            private boolean fill() throws IOException {
                while (pos >= line.length) {
                    String next = in.readLine();
                    if (next == null) {
                        return false;
                    }
                    Optional<WorkerMessage> message = Protocol.decode(next);
                    if (message.isPresent() && message.get() instanceof WorkerMessage.RunTrial run && doomed(run.trial())) {
                        Runtime.getRuntime().halt(EXIT_CODE);
                    }
                    line = (next + "\n").getBytes(StandardCharsets.UTF_8);
                    if (message.isPresent() && message.get() instanceof WorkerMessage.Init init) {
                        byte[] dataset = in.readBlock(init.datasetBytes());
                        byte[] both = Arrays.copyOf(line, line.length + dataset.length);
                        System.arraycopy(dataset, 0, both, line.length, dataset.length);
                        line = both;
                    }
                    pos = 0;
                }
                return true;
            }
        });
        WorkerMain.main(args);
    }
}
