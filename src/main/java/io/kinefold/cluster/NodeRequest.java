package io.kinefold.cluster;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What the coordinator asks of a node, as JSON in a {@link NodeTask}: the worker pool's
 * operations, remotely, for one run's session, and the node's status. A session is one executor
 * of one coordinator; the node ends its workers when the coordinator leaves the cluster.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NodeRequest.Prepare.class, name = "prepare"),
    @JsonSubTypes.Type(value = NodeRequest.Start.class, name = "start"),
    @JsonSubTypes.Type(value = NodeRequest.Run.class, name = "run"),
    @JsonSubTypes.Type(value = NodeRequest.Kill.class, name = "kill"),
    @JsonSubTypes.Type(value = NodeRequest.Retire.class, name = "retire"),
    @JsonSubTypes.Type(value = NodeRequest.EndAll.class, name = "endAll"),
    @JsonSubTypes.Type(value = NodeRequest.Status.class, name = "status")
})
sealed interface NodeRequest {
    /**
     * Opens a session: the init line for its workers (the dataset's bytes travel beside the
     * command, once per node), the coordinator's build (refused when it is not the node's), the
     * member whose leaving ends the session, and the run's size for the workers' JIT choice.
     */
    record Prepare(String session, String coordinator, String build, String initLine, int trials, int workers)
            implements NodeRequest {}

    /** Starts a worker of the session; the answer is its name on the node. */
    record Start(String session) implements NodeRequest {}

    /** Gives a ready worker a trial: {@code line} is the worker protocol's {@code run} message. */
    record Run(String session, String worker, String line) implements NodeRequest {}

    /** Ends one worker at once; a worker already gone is no error. */
    record Kill(String session, String worker) implements NodeRequest {}

    /** Tells a worker to finish. */
    record Retire(String session, String worker) implements NodeRequest {}

    /** Ends every worker of the session and closes it; the answer is what each worker ended as. */
    record EndAll(String session, boolean cancelled) implements NodeRequest {}

    /** The node's status: build, cores, memory, slots, busy slots, trials done. */
    record Status() implements NodeRequest {}
}
