package io.kinefold.exec;

/** A worker that exits with code 7 the moment it starts, as one whose JVM cannot come up would. */
final class DyingWorkerMain {
    static final int EXIT_CODE = 7;

    private DyingWorkerMain() {}

    public static void main(String[] args) {
        System.err.println("this worker always dies");
        System.exit(EXIT_CODE);
    }
}
