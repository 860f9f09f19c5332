package io.kinefold.exec;

/**
 * What a comparison reports besides the progress of each of its runs: the reference
 * measurement and each phase as it starts. The command line prints it, the GUI binds it.
 */
public interface CompareListener extends RunListener {
    /** What {@code processes} plain CPU-bound processes get here is about to be measured. */
    default void referenceStarted(int processes) {}

    default void referenceMeasured(CpuReference reference) {}

    /** The reference could not be measured; the comparison goes on without it. */
    default void referenceFailed(String reason) {}

    /** Something that makes the comparison's timings misleading, in words ({@link RunWarnings}). */
    default void warning(String text) {}

    /**
     * A run of the comparison is about to start.
     *
     * @param workers its workers
     * @param single the finished single-process run; null while the single phase starts
     */
    default void phaseStarted(CompareWorkflow.Phase phase, int workers, Comparer.ModeRun single) {}
}
