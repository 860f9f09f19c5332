package io.kinefold;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Named pipes for tests of what must never be opened: opening a FIFO blocks until a writer comes. */
public final class Fifos {
    private Fifos() {}

    /** Makes a FIFO at {@code path} with {@code mkfifo}; false where there is no such command. */
    public static boolean make(Path path) {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
