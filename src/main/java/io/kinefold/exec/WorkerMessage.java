package io.kinefold.exec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.kinefold.data.DatasetSnapshot;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;

/**
 * The messages between the app and a worker process: one JSON object a line, on the worker's
 * stdin (to the worker) and stdout (from it), told apart by their {@code type}. The one exception
 * is the dataset, which follows {@link Init} as a block of bytes ({@link MessageInput}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = WorkerMessage.Init.class, name = "init"),
    @JsonSubTypes.Type(value = WorkerMessage.RunTrial.class, name = "run"),
    @JsonSubTypes.Type(value = WorkerMessage.Shutdown.class, name = "shutdown"),
    @JsonSubTypes.Type(value = WorkerMessage.Ready.class, name = "ready"),
    @JsonSubTypes.Type(value = WorkerMessage.Started.class, name = "started"),
    @JsonSubTypes.Type(value = WorkerMessage.Finished.class, name = "finished"),
    @JsonSubTypes.Type(value = WorkerMessage.Fatal.class, name = "fatal"),
    @JsonSubTypes.Type(value = WorkerMessage.Heartbeat.class, name = "heartbeat")
})
public sealed interface WorkerMessage {

    /**
     * To the worker, once: the spec whose trials it will run. The line is followed on the stream
     * by {@code datasetBytes} bytes of the dataset ({@link DatasetSnapshot#toBytes}), not text;
     * the worker refuses a dataset whose {@code Workload#fingerprint} is not {@code fingerprint}.
     */
    record Init(String spec, int datasetBytes, String fingerprint) implements WorkerMessage {}

    /** To the worker: run this trial. */
    record RunTrial(Trial trial) implements WorkerMessage {}

    /** To the worker: finish and exit. */
    record Shutdown() implements WorkerMessage {}

    /** From the worker: initialised, waiting for trials. */
    record Ready(long pid, long rssBytes, double initSeconds) implements WorkerMessage {}

    /** From the worker: began a trial. */
    record Started(String key) implements WorkerMessage {}

    /** From the worker: a trial ended, with the worker's resident memory after it. */
    record Finished(TrialResult result, long rssBytes, long nativeBytes) implements WorkerMessage {}

    /**
     * From the worker, about once a second from its start to its end, whatever it is doing: it is
     * alive and not stuck. A worker silent for longer than the pool allows is killed.
     */
    record Heartbeat() implements WorkerMessage {}

    /** From the worker: it cannot go on (its dataset failed to load, say). */
    record Fatal(String message) implements WorkerMessage {}
}
