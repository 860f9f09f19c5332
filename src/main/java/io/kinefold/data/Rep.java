package io.kinefold.data;

/** One repetition of an exercise: its inclusive frame range and whether it was done correctly. */
public record Rep(FrameRange frames, boolean correct) {}
