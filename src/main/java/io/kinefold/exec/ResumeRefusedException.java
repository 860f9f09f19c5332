package io.kinefold.exec;

/**
 * A resume that must not happen: the run is still running in another live process, or its dataset
 * is not the one it started on. The message says why in plain words, naming the holder (host and
 * pid) or the recordings that changed; the faces show it as bad input.
 */
public class ResumeRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public ResumeRefusedException(String message) {
        super(message);
    }
}
