package io.kinefold.exec;

import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real worker surrounded by noise: it writes lines that are not messages to its real stdout
 * before its first message and every 100 ms after, as a native library might, and finds such
 * lines on its stdin ahead of the app's first message.
 */
final class GarbageWorkerMain {
    static final List<String> GARBAGE = List.of("not json", "{\"type\":\"nonsense\"}", "{broken");

    private GarbageWorkerMain() {}

    public static void main(String[] args) throws Exception {
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        for (String line : GARBAGE) {
            writeLine(stdout, line);
        }
        Thread chatter = new Thread(() -> {
            for (int i = 0; ; i++) {
                writeLine(stdout, GARBAGE.get(i % GARBAGE.size()));
                try {
                    TimeUnit.MILLISECONDS.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "garbage-chatter");
        chatter.setDaemon(true);
        chatter.start();
        byte[] badInput = (String.join("\n", GARBAGE) + "\n").getBytes(StandardCharsets.UTF_8);
        System.setIn(new SequenceInputStream(new ByteArrayInputStream(badInput), System.in));
        WorkerMain.main(args);
    }

    /**
     * Line and newline in one write, as WorkerMain's println does: two writers on one pipe then
     * interleave whole lines, which is the noise under test, and never split one another's.
     */
    private static void writeLine(PrintStream out, String line) {
        out.print(line + "\n");
        out.flush();
    }
}
