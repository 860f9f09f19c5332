package io.kinefold.exec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A real worker whose init line arrives with another dataset fingerprint than the app sent, as if the bytes had changed on the way. */
final class TamperingWorkerMain {
    static final String FINGERPRINT = "0123abcd";

    private TamperingWorkerMain() {}

    public static void main(String[] args) throws Exception {
        MessageInput in = new MessageInput(System.in);
        PipedInputStream tampered = new PipedInputStream(1 << 16);
        PipedOutputStream out = new PipedOutputStream(tampered);
        Thread copier = new Thread(() -> copy(in, out), "tamper");
        copier.setDaemon(true);
        copier.start();
        System.setIn(tampered);
        WorkerMain.main(args);
    }

    private static void copy(MessageInput in, OutputStream out) {
        try (out) {
            String line;
            while ((line = in.readLine()) != null) {
                Optional<WorkerMessage> message = Protocol.decode(line);
                if (message.isPresent() && message.get() instanceof WorkerMessage.Init init) {
                    line = Protocol.encode(new WorkerMessage.Init(init.spec(), init.datasetBytes(), FINGERPRINT));
                    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    out.write(in.readBlock(init.datasetBytes()));
                } else {
                    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
            }
        } catch (IOException e) {
            // the worker is gone
        }
    }
}
