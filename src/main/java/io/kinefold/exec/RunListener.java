package io.kinefold.exec;

import io.kinefold.experiment.Trial;

/** What a run reports to whoever watches it: the command line prints it, the GUI binds it. */
public interface RunListener {
    default void trialStarted(Trial trial, String worker) {}

    default void progress(Progress progress) {}

    default void message(String text) {}

    RunListener NONE = new RunListener() {};
}
