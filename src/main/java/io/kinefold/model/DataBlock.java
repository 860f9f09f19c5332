package io.kinefold.model;

/**
 * Samples ready for a network, kept as plain Java arrays until a batch is made.
 *
 * @param rows one row per sample: {@code features} values for a frame, or {@code timeSteps × features}
 *     values, time-major, for a sequence
 * @param labels class index per sample
 * @param timeSteps 0 for single frames, T for sequences
 * @param features values per frame
 */
public record DataBlock(float[][] rows, int[] labels, int timeSteps, int features) {
    public int size() {
        return labels.length;
    }

    /**
     * Whether the rows are sequences ({@code timeSteps > 0}). Part of the API that the PyTorch
     * yardstick's {@code DumpTrialData} (in {@code ../shared/bench}, outside this repository)
     * compiles against; {@code YardstickApiTest} keeps it compiling.
     */
    public boolean sequential() {
        return timeSteps > 0;
    }

    /** The samples at the given indices, sharing rows with this block. */
    public DataBlock select(int[] indices) {
        float[][] r = new float[indices.length][];
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            r[i] = rows[indices[i]];
            l[i] = labels[indices[i]];
        }
        return new DataBlock(r, l, timeSteps, features);
    }
}
