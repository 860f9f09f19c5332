package io.kinefold.data;

/** An inclusive range of frame numbers. */
public record FrameRange(int start, int end) {
    public FrameRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("invalid frame range [" + start + ", " + end + "]");
        }
    }

    public boolean contains(int frame) {
        return frame >= start && frame <= end;
    }

    public int length() {
        return end - start + 1;
    }
}
