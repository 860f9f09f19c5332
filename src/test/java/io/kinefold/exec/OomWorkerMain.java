package io.kinefold.exec;

import java.util.ArrayList;
import java.util.List;

/** A worker whose heap runs out the moment it starts, as one given a dataset too big for it would. */
final class OomWorkerMain {
    private OomWorkerMain() {}

    public static void main(String[] args) {
        List<byte[]> hoard = new ArrayList<>();
        while (true) {
            hoard.add(new byte[1 << 20]);
        }
    }
}
