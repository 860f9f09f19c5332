package io.kinefold.model;

import io.kinefold.experiment.Status;

/** A model class that reaches up into {@code experiment}, for ArchitectureTest to be refused. Test sources only. */
final class LayerBreaker {
    private LayerBreaker() {}

    static Status status() {
        return Status.QUEUED;
    }
}
