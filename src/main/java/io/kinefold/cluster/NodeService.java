package io.kinefold.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import io.kinefold.exec.LocalWorkerPool;
import io.kinefold.exec.Protocol;
import io.kinefold.exec.WorkerInfo;
import io.kinefold.exec.WorkerInit;
import io.kinefold.exec.WorkerLauncher;
import io.kinefold.exec.WorkerMessage;
import io.kinefold.exec.WorkerPool;
import io.kinefold.monitor.AppInfo;
import io.kinefold.monitor.MachineInfo;
import io.kinefold.monitor.ResourceSampler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's side of the cluster: its worker slots, shared by the sessions of the coordinators it
 * serves, each a {@link LocalWorkerPool} of worker JVMs like the pool mode's. It does what the
 * {@link NodeRequest}s say and sends what its workers report to the session's topic; it decides
 * nothing (the coordinator's scheduler does). A session whose coordinator leaves the cluster has
 * its workers ended at once, so that a crashed app leaves no worker behind on any node.
 */
final class NodeService implements MembershipListener {
    private static final Logger LOG = LoggerFactory.getLogger(NodeService.class);
    /** Key of the node's service in the Hazelcast user context, where {@link NodeTask} finds it. */
    static final String KEY = "kinefold.node";

    /** A run's workers here: {@code live} until their death is reported, {@code retiring} once told to finish (their slot is free). */
    private record Session(String id, UUID coordinator, LocalWorkerPool pool, ITopic<String> topic, Set<String> live,
                           Set<String> retiring, ResourceSampler sampler) {}

    /** How often a node samples its machine and its workers during a run, as the coordinator does its own. */
    static final java.time.Duration SAMPLE_INTERVAL = java.time.Duration.ofSeconds(1);

    private final int slots;
    private final String build;
    private final List<Cidr> allow;
    private final long started = System.nanoTime();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicLong trialsDone = new AtomicLong();
    private volatile HazelcastInstance instance;
    private volatile String name = "?";

    /** @param allow the addresses whose coordinators it serves */
    NodeService(int slots, String build, List<Cidr> allow) {
        this.slots = slots;
        this.build = build;
        this.allow = List.copyOf(allow);
    }

    void attach(HazelcastInstance instance, String name) {
        this.instance = instance;
        this.name = name;
    }

    String handle(NodeRequest command, byte[] data) {
        if (command instanceof NodeRequest.Status) {
            return ClusterJson.write(status());
        }
        if (command instanceof NodeRequest.Prepare p) {
            prepare(p, data);
            return "{}";
        }
        if (command instanceof NodeRequest.Start s) {
            return ClusterJson.write(Map.of("worker", start(session(s.session()))));
        }
        if (command instanceof NodeRequest.Run r) {
            WorkerMessage message = Protocol.decode(r.line()).orElseThrow(() -> new IllegalArgumentException("not a trial: " + r.line()));
            if (!(message instanceof WorkerMessage.RunTrial run)) {
                throw new IllegalArgumentException("not a trial: " + r.line());
            }
            session(r.session()).pool().run(r.worker(), run.trial());
            return "{}";
        }
        if (command instanceof NodeRequest.Kill k) {
            Session s = sessions.get(k.session());
            if (s != null && s.live().contains(k.worker())) {
                s.pool().kill(k.worker());
            }
            return "{}";
        }
        if (command instanceof NodeRequest.Retire r) {
            Session s = sessions.get(r.session());
            if (s != null && s.live().contains(r.worker())) {
                s.retiring().add(r.worker());
                s.pool().retire(r.worker());
            }
            return "{}";
        }
        if (command instanceof NodeRequest.EndAll e) {
            Session s = sessions.remove(e.session());
            return ClusterJson.write(s == null ? List.of() : end(s, e.cancelled()));
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    private Session session(String id) {
        Session s = sessions.get(id);
        if (s == null) {
            throw new IllegalStateException("node " + name + " has no run session " + id + " (ended, or never prepared)");
        }
        return s;
    }

    private void prepare(NodeRequest.Prepare p, byte[] dataset) {
        if (!build.equals(p.build())) {
            throw new ClusterException("node " + name + " runs Kinefold build " + build + ", the coordinator build " + p.build()
                    + ": every node must run the same build, so that a trial gives the same metrics everywhere");
        }
        UUID coordinator = UUID.fromString(p.coordinator());
        com.hazelcast.cluster.Member member = instance.getCluster().getMembers().stream().filter(m -> m.getUuid().equals(coordinator))
                .findFirst().orElseThrow(() -> new IllegalStateException("the coordinator of session " + p.session()
                        + " is no longer in the cluster"));
        java.net.InetAddress from;
        try {
            from = member.getAddress().getInetAddress();
        } catch (java.net.UnknownHostException e) {
            throw new ClusterException("node " + name + " cannot tell the coordinator's address: " + e.getMessage());
        }
        if (allow.stream().noneMatch(c -> c.contains(from))) {
            LOG.warn("refused a run from {}: not in --allow {}", from.getHostAddress(), allow);
            throw new ClusterException("node " + name + " serves runs from " + allow + " only, not from " + from.getHostAddress()
                    + " (kinefold node --allow)");
        }
        sessions.computeIfAbsent(p.session(), id -> {
            LocalWorkerPool pool = new LocalWorkerPool(new WorkerInit(p.initLine(), dataset), new WorkerLauncher());
            pool.prepare(p.trials(), p.workers());
            LOG.info("run session {} opened by {}: {} trials on {} workers", id, coordinator, p.trials(), p.workers());
            ITopic<String> topic = instance.getTopic(ClusterConfigs.EVENTS_TOPIC + id);
            // This machine and the session's workers, sampled here and sent to the coordinator, which stores them under this node's name.
            ResourceSampler sampler = new ResourceSampler(SAMPLE_INTERVAL, pool::pids, sample -> publish(topic,
                    new NodeEvent(null, "sample", null, ClusterJson.write(sample), null, 0, 0)));
            sampler.start();
            return new Session(id, coordinator, pool, topic, ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet(), sampler);
        });
    }

    private synchronized String start(Session s) {
        int busy = busy();
        if (busy >= slots) {
            throw new IllegalStateException("node " + name + " has no free worker slot: " + busy + " of " + slots + " busy");
        }
        try {
            // Its death may be reported before start returns: forward waits for this lock, so the
            // worker is in live() by then.
            String worker = s.pool().start(event -> forward(s, event));
            s.live().add(worker);
            return worker;
        } catch (IOException e) {
            throw new UncheckedIOException("node " + name + " cannot start a worker: " + e.getMessage(), e);
        }
    }

    /** Slots taken: workers alive and not on their way out (a recycled worker's replacement may start beside it). */
    private int busy() {
        return sessions.values().stream().mapToInt(s -> (int) s.live().stream().filter(w -> !s.retiring().contains(w)).count()).sum();
    }

    /** One event of a worker, on its way to the session's coordinator; a dead worker leaves the node's pool. */
    private void forward(Session s, WorkerPool.Event event) {
        String worker = event.worker();
        NodeEvent out;
        if (event instanceof WorkerPool.Died d) {
            WorkerInfo info = null;
            synchronized (this) {
                s.retiring().remove(worker);
                if (s.live().remove(worker)) {
                    try {
                        info = s.pool().remove(worker);
                    } catch (IllegalArgumentException gone) {
                        // ended by EndAll meanwhile
                    }
                }
            }
            out = new NodeEvent(worker, "died", info, null, d.lastError(), d.exitCode(), 0);
        } else {
            WorkerInfo info = info(s, worker);
            if (event instanceof WorkerPool.Ready r) {
                out = new NodeEvent(worker, "ready", info, null, null, r.rssBytes(), r.startSeconds());
            } else if (event instanceof WorkerPool.Started st) {
                out = new NodeEvent(worker, "started", info, null, st.trialKey(), 0, 0);
            } else if (event instanceof WorkerPool.Finished f) {
                trialsDone.incrementAndGet();
                String line = Protocol.encode(new WorkerMessage.Finished(f.result(), f.rssBytes(), info == null ? -1 : info.nativeBytes()));
                out = new NodeEvent(worker, "finished", info, line, null, f.rssBytes(), 0);
            } else if (event instanceof WorkerPool.Alive) {
                out = new NodeEvent(worker, "alive", null, null, null, 0, 0);
            } else if (event instanceof WorkerPool.Garbage g) {
                out = new NodeEvent(worker, "garbage", info, null, g.line(), 0, 0);
            } else if (event instanceof WorkerPool.Fatal f) {
                out = new NodeEvent(worker, "fatal", info, null, f.message(), 0, 0);
            } else {
                return;
            }
        }
        publish(s.topic(), out);
    }

    private static void publish(ITopic<String> topic, NodeEvent event) {
        try {
            topic.publish(ClusterJson.write(event));
        } catch (RuntimeException e) {
            LOG.warn("cannot send {} {} to the coordinator: {}", event.worker() == null ? "a" : event.worker() + "'s", event.kind(),
                    e.toString());
        }
    }

    private static WorkerInfo info(Session s, String worker) {
        try {
            return s.pool().info(worker);
        } catch (IllegalArgumentException gone) {
            return null;
        }
    }

    private List<WorkerInfo> end(Session s, boolean cancelled) {
        s.sampler().close();
        List<WorkerInfo> ended = new ArrayList<>(s.pool().endAll(cancelled));
        s.live().clear();
        s.retiring().clear();
        LOG.info("run session {} ended{}", s.id(), cancelled ? " (cancelled)" : "");
        return ended;
    }

    NodeStatus status() {
        return new NodeStatus(name, build, AppInfo.version(), MachineInfo.logicalCores(), MachineInfo.totalMemoryBytes(), slots, busy(),
                trialsDone.get(), sessions.size(), (System.nanoTime() - started) / 1e9);
    }

    /** Ends every session's workers: the node is stopping. */
    void endEverything() {
        for (String id : List.copyOf(sessions.keySet())) {
            Session s = sessions.remove(id);
            if (s != null) {
                end(s, true);
            }
        }
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        // nothing to do: a coordinator opens its sessions itself
    }

    /** A coordinator gone (its app crashed, say): its sessions' workers end at once. */
    @Override
    public void memberRemoved(MembershipEvent event) {
        UUID gone = event.getMember().getUuid();
        for (Session s : List.copyOf(sessions.values())) {
            if (s.coordinator().equals(gone) && sessions.remove(s.id(), s)) {
                LOG.warn("the coordinator of run session {} left the cluster: ending its workers", s.id());
                end(s, true);
            }
        }
    }
}
