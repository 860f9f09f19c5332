package io.kinefold.cluster;

import com.fasterxml.jackson.core.type.TypeReference;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import io.kinefold.exec.Protocol;
import io.kinefold.exec.WorkerInfo;
import io.kinefold.exec.WorkerInit;
import io.kinefold.exec.WorkerMessage;
import io.kinefold.exec.WorkerPool;
import io.kinefold.experiment.Status;
import io.kinefold.monitor.ResourceSample;
import io.kinefold.experiment.Trial;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker slots of cluster nodes as one {@link WorkerPool}, for the same {@code TrialScheduler}
 * as the pool mode: a worker here is a worker JVM on a node, named {@code HOST:PORT/wN} after its
 * node. Commands go to the node's {@link NodeService}; its workers' events come back over the
 * session's topic. A node that leaves the cluster (killed, stopped past the heartbeat timeout, cut
 * off) takes its workers with it: each is reported {@link WorkerPool.Died}, so the scheduler runs
 * their trials again elsewhere, and whatever a gone worker reports later is dropped.
 */
final class ClusterWorkerPool implements WorkerPool, Canary.Nodes {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterWorkerPool.class);
    /** The dataset travels with the session's opening: give it time on a slow network. */
    private static final Duration PREPARE_TIMEOUT = Duration.ofSeconds(120);
    /** How long the nodes may take to end their workers, on top of the workers' own grace. */
    private static final Duration END_TIMEOUT = Duration.ofSeconds(20);

    private static final class Remote {
        final String name;
        final NodeInfo node;
        final String remote;
        volatile WorkerInfo info;
        volatile boolean gone;

        Remote(String name, NodeInfo node, String remote) {
            this.name = name;
            this.node = node;
            this.remote = remote;
            this.info = new WorkerInfo(name, -1, Status.QUEUED, null, 0, 0, -1);
        }
    }

    private final ClusterConnection cluster;
    private final WorkerInit init;
    private final String session = UUID.randomUUID().toString();
    /** The nodes of this build in the cluster now, by member id. */
    private final Map<UUID, NodeInfo> nodes = new ConcurrentHashMap<>();
    private final Set<UUID> prepared = ConcurrentHashMap.newKeySet();
    /** Workers the canary left ready, for the run's first starts. */
    private final java.util.Queue<String> idle = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** In start order; workers leave by {@link #remove} and {@link #endAll} only. */
    private final Map<String, Remote> workers = Collections.synchronizedMap(new LinkedHashMap<>());
    private final ITopic<String> topic;
    private final UUID topicListener;
    private final UUID membershipListener;
    private volatile Consumer<Event> events = e -> {};
    private volatile java.util.function.BiConsumer<String, ResourceSample> samples = (node, sample) -> {};
    private int trials;
    private int workerCount = 1;

    ClusterWorkerPool(ClusterConnection cluster, WorkerInit init, List<NodeInfo> usable) {
        this.cluster = cluster;
        this.init = init;
        usable.forEach(n -> nodes.put(n.uuid(), n));
        this.topic = cluster.topic(ClusterConfigs.EVENTS_TOPIC + session);
        this.topicListener = topic.addMessageListener(this::onMessage);
        this.membershipListener = cluster.addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                NodeInfo n = NodeInfo.of(event.getMember());
                if (n != null && Build.hash().equals(n.build())) {
                    nodes.put(n.uuid(), n);
                    LOG.info("node {} joined: {} more worker slots", n.name(), n.slots());
                }
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                nodeLeft(event.getMember().getUuid());
            }
        });
        // A node that left between the caller's look and the listener's registration.
        Set<UUID> present = ConcurrentHashMap.newKeySet();
        cluster.nodes().forEach(n -> present.add(n.uuid()));
        nodes.keySet().removeIf(id -> !present.contains(id));
    }

    /** Where the nodes' samples of their machines and workers go: node name and sample, on a Hazelcast thread. */
    void onSample(java.util.function.BiConsumer<String, ResourceSample> sink) {
        this.samples = sink;
    }

    @Override
    public String prepare(int trialCount, int workers) {
        this.trials = trialCount;
        this.workerCount = workers;
        return "trials go to " + nodes.size() + (nodes.size() == 1 ? " node: " : " nodes: ")
                + String.join(", ", nodes.values().stream().map(NodeInfo::toString).toList());
    }

    /** Every slot of the nodes still in the cluster: this pool's workers on them count as taken by it. */
    @Override
    public int capacity() {
        return nodes.values().stream().mapToInt(NodeInfo::slots).sum();
    }

    @Override
    public String start(Consumer<Event> sink) throws IOException {
        this.events = sink;
        // A worker the canary left ready: the run's at once, without a start.
        for (String parked = idle.poll(); parked != null; parked = idle.poll()) {
            Remote r = workers.get(parked);
            if (r != null && !r.gone) {
                sink.accept(new Ready(parked, r.info.rssBytes(), 0));
                return parked;
            }
        }
        List<String> refusals = new ArrayList<>();
        for (NodeInfo node : byFreeSlots()) {
            try {
                return startOn(node);
            } catch (ClusterException e) {
                refusals.add(e.getMessage());
            }
        }
        throw new IOException(refusals.isEmpty() ? "no node is left in the cluster" : String.join("; ", refusals));
    }

    private String startOn(NodeInfo node) {
        ensurePrepared(node);
        String answer = cluster.callAndWait(node, new NodeRequest.Start(session), null, ClusterConnection.CALL_TIMEOUT);
        String remote = ClusterJson.read(answer, new TypeReference<Map<String, String>>() {}).get("worker");
        String name = node.name() + "/" + remote;
        Remote r = new Remote(name, node, remote);
        workers.put(name, r);
        if (!nodes.containsKey(node.uuid())) {
            // The node left while it started the worker: the membership listener missed it.
            goneWith(r, "node " + node.name() + " left the cluster");
        }
        return name;
    }

    @Override
    public List<String> nodeNames() {
        return nodes.values().stream().map(NodeInfo::name).toList();
    }

    @Override
    public String startOn(String node, Consumer<Event> sink) throws IOException {
        this.events = sink;
        NodeInfo n = nodes.values().stream().filter(i -> i.name().equals(node)).findFirst()
                .orElseThrow(() -> new IOException("node " + node + " is no longer in the cluster"));
        try {
            return startOn(n);
        } catch (ClusterException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void park(String worker) {
        idle.add(worker);
    }

    @Override
    public void endSessions() {
        endAll(true);
    }

    @Override
    public void forget(String worker) {
        Remote r = workers.remove(worker);
        if (r != null) {
            r.gone = true;
        }
    }

    /** The nodes with room, the emptiest first. */
    private List<NodeInfo> byFreeSlots() {
        Map<UUID, Integer> used = new LinkedHashMap<>();
        for (Remote r : live()) {
            used.merge(r.node.uuid(), 1, Integer::sum);
        }
        return nodes.values().stream().filter(n -> used.getOrDefault(n.uuid(), 0) < n.slots())
                .sorted((a, b) -> Integer.compare(b.slots() - used.getOrDefault(b.uuid(), 0), a.slots() - used.getOrDefault(a.uuid(), 0)))
                .toList();
    }

    /** Opens the session on the node, sending it the dataset: once per node. */
    private void ensurePrepared(NodeInfo node) {
        if (prepared.contains(node.uuid())) {
            return;
        }
        cluster.callAndWait(node, new NodeRequest.Prepare(session, cluster.uuid().toString(), Build.hash(), init.line(), trials,
                workerCount), init.dataset(), PREPARE_TIMEOUT);
        prepared.add(node.uuid());
    }

    private void onMessage(Message<String> message) {
        NodeInfo node = NodeInfo.of(message.getPublishingMember());
        if (node == null) {
            return;
        }
        NodeEvent e;
        try {
            e = ClusterJson.read(message.getMessageObject(), NodeEvent.class);
        } catch (IllegalArgumentException bad) {
            LOG.warn("node {} sent something that is not an event, ignored: {}", node.name(), bad.getMessage());
            return;
        }
        if ("sample".equals(e.kind())) {
            try {
                samples.accept(node.name(), ClusterJson.read(e.line(), ResourceSample.class));
            } catch (RuntimeException bad) {
                LOG.warn("node {} sent a sample that cannot be read, ignored: {}", node.name(), bad.getMessage());
            }
            return;
        }
        String name = node.name() + "/" + e.worker();
        Remote r = workers.get(name);
        if (r == null || r.gone) {
            return; // late news of a worker given up for dead: its trial runs elsewhere already
        }
        if (e.info() != null) {
            r.info = renamed(e.info(), name);
        }
        Event event = switch (e.kind()) {
            case "ready" -> new Ready(name, e.number(), e.seconds());
            case "started" -> new Started(name, e.text());
            case "finished" -> finished(name, e.line());
            case "died" -> {
                r.gone = true;
                yield new Died(name, (int) e.number(), e.text());
            }
            case "alive" -> new Alive(name);
            case "garbage" -> new Garbage(name, e.text());
            case "fatal" -> new Fatal(name, e.text());
            default -> null;
        };
        if (event != null) {
            events.accept(event);
        }
    }

    private static Event finished(String name, String line) {
        WorkerMessage m = Protocol.decode(line == null ? "" : line).orElse(null);
        if (m instanceof WorkerMessage.Finished f) {
            return new Finished(name, f.result(), f.rssBytes());
        }
        return new Garbage(name, line);
    }

    private static WorkerInfo renamed(WorkerInfo i, String name) {
        return new WorkerInfo(name, i.pid(), i.status(), i.currentTrial(), i.trialsDone(), i.rssBytes(), i.nativeBytes());
    }

    private void nodeLeft(UUID member) {
        NodeInfo node = nodes.remove(member);
        prepared.remove(member);
        if (node == null) {
            return;
        }
        LOG.warn("node {} left the cluster", node.name());
        for (Remote r : live()) {
            if (r.node.uuid().equals(member)) {
                goneWith(r, "node " + node.name() + " left the cluster");
            }
        }
    }

    private void goneWith(Remote r, String why) {
        if (r.gone) {
            return;
        }
        r.gone = true;
        WorkerInfo i = r.info;
        r.info = new WorkerInfo(r.name, i.pid(), Status.FAILED, i.currentTrial(), i.trialsDone(), i.rssBytes(), i.nativeBytes());
        events.accept(new Died(r.name, -1, why));
    }

    private Remote worker(String name) {
        Remote r = workers.get(name);
        if (r == null) {
            throw new IllegalArgumentException("no worker " + name + " in the pool");
        }
        return r;
    }

    private List<Remote> live() {
        synchronized (workers) {
            return new ArrayList<>(workers.values());
        }
    }

    @Override
    public void run(String worker, Trial trial) {
        Remote r = worker(worker);
        WorkerInfo i = r.info;
        r.info = new WorkerInfo(r.name, i.pid(), Status.RUNNING, trial.key(), i.trialsDone(), i.rssBytes(), i.nativeBytes());
        String line = Protocol.encode(new WorkerMessage.RunTrial(trial));
        cluster.call(r.node, new NodeRequest.Run(session, r.remote, line), null).whenComplete((ok, error) -> {
            if (error != null) {
                goneWith(r, "node " + r.node.name() + " did not take " + trial.key() + ": " + ClusterConnection.reason(error));
            }
        });
    }

    @Override
    public void kill(String worker) {
        Remote r = workers.get(worker);
        if (r != null && !r.gone) {
            cluster.call(r.node, new NodeRequest.Kill(session, r.remote), null);
        }
    }

    @Override
    public void retire(String worker) {
        Remote r = worker(worker);
        cluster.call(r.node, new NodeRequest.Retire(session, r.remote), null);
    }

    @Override
    public WorkerInfo remove(String worker) {
        Remote r = worker(worker);
        r.gone = true;
        workers.remove(worker);
        WorkerInfo i = r.info;
        return i.status().isTerminal() ? i
                : new WorkerInfo(r.name, i.pid(), i.currentTrial() == null ? Status.SUCCEEDED : Status.FAILED, i.currentTrial(),
                        i.trialsDone(), i.rssBytes(), i.nativeBytes());
    }

    @Override
    public WorkerInfo info(String worker) {
        return worker(worker).info;
    }

    @Override
    public List<WorkerInfo> workers() {
        return live().stream().map(r -> r.info).toList();
    }

    /** None: the workers are other machines' processes, which this machine's monitor must not sample. */
    @Override
    public Map<String, Long> pids() {
        return Map.of();
    }

    @Override
    public void kill() {
        for (Remote r : live()) {
            kill(r.name);
        }
    }

    /** Ends the session on every node that has it, within {@link #END_TIMEOUT}; a node that does not answer has its workers marked failed. */
    @Override
    public List<WorkerInfo> endAll(boolean cancelled) {
        Map<String, CompletableFuture<String>> answers = new LinkedHashMap<>();
        for (UUID id : List.copyOf(prepared)) {
            NodeInfo node = nodes.get(id);
            if (node != null) {
                answers.put(node.name(), cluster.call(node, new NodeRequest.EndAll(session, cancelled), null));
            }
        }
        Map<String, WorkerInfo> ended = new LinkedHashMap<>();
        long deadline = System.nanoTime() + END_TIMEOUT.toNanos();
        for (Map.Entry<String, CompletableFuture<String>> a : answers.entrySet()) {
            try {
                String answer = a.getValue().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                for (WorkerInfo i : ClusterJson.read(answer, new TypeReference<List<WorkerInfo>>() {})) {
                    String name = a.getKey() + "/" + i.name();
                    ended.put(name, renamed(i, name));
                }
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.warn("node {} did not end its workers of this run: {}", a.getKey(), e instanceof java.util.concurrent.TimeoutException
                        ? "no answer within " + END_TIMEOUT.toSeconds() + " s" : ClusterConnection.reason(e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<WorkerInfo> result = new ArrayList<>();
        for (Remote r : live()) {
            WorkerInfo i = ended.get(r.name);
            if (i == null) {
                WorkerInfo last = r.info;
                i = new WorkerInfo(r.name, last.pid(), cancelled ? Status.CANCELLED : Status.FAILED, null, last.trialsDone(),
                        last.rssBytes(), last.nativeBytes());
            }
            r.gone = true;
            result.add(i);
        }
        workers.clear();
        idle.clear();
        prepared.clear();
        topic.removeMessageListener(topicListener);
        cluster.removeMembershipListener(membershipListener);
        return result;
    }
}
