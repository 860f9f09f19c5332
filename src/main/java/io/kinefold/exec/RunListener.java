package io.kinefold.exec;

import io.kinefold.experiment.Trial;
import io.kinefold.monitor.ResourceSample;

/** What a run reports to whoever watches it: the command line prints it, the GUI binds it. */
public interface RunListener {
    default void trialStarted(Trial trial, String worker) {}

    default void progress(Progress progress) {}

    default void message(String text) {}

    /** A sample of the machine and the workers, about once a second, on the monitor's thread. */
    default void sample(ResourceSample sample) {}

    /** A sample of a cluster node's machine and workers, about once a second, with the node's name, on a cluster thread. */
    default void nodeSample(String node, ResourceSample sample) {}

    /** A worker of a pool started, took a trial, finished one or ended. */
    default void workerChanged(WorkerInfo worker) {}

    RunListener NONE = new RunListener() {};
}
