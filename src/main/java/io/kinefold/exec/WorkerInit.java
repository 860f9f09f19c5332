package io.kinefold.exec;

import io.kinefold.data.DatasetSnapshot;
import io.kinefold.experiment.SpecIo;
import io.kinefold.experiment.Workload;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * What every worker of a workload is sent first: the {@link WorkerMessage.Init} line and the
 * dataset's bytes it announces. A cluster node receives it once per run and starts its workers
 * with it, without reading the dataset itself.
 *
 * @param line the init message, one line of JSON
 * @param dataset the dataset snapshot ({@link DatasetSnapshot#toBytes})
 */
public record WorkerInit(String line, byte[] dataset) {
    private static final Map<Workload, WorkerInit> CACHE = new WeakHashMap<>();

    /**
     * The workload's init, encoded once: the same dataset goes to every worker, replacements
     * included, and to the pool of a comparison after its single-process run.
     */
    public static WorkerInit of(Workload workload) {
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(workload, w -> {
                byte[] dataset = DatasetSnapshot.of(w.dataset()).toBytes();
                String spec = SpecIo.toJson(w.spec()).replace('\n', ' ');
                return new WorkerInit(Protocol.encode(new WorkerMessage.Init(spec, dataset.length, w.fingerprint())), dataset);
            });
        }
    }

    /** The fingerprint the init line names, which the worker checks the dataset against. */
    public String fingerprint() {
        return Protocol.decode(line).filter(m -> m instanceof WorkerMessage.Init)
                .map(m -> ((WorkerMessage.Init) m).fingerprint()).orElse("");
    }
}
