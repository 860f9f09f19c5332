package io.kinefold.cluster;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A {@code kinefold node} in a JVM of its own on loopback, started from the tests' class path, as
 * a machine of a cluster: killed, stopped or ended as a test needs. It remembers its workers (its
 * child processes) while it lives, so that a test can tell afterwards that none is left.
 */
public final class NodeProcess implements AutoCloseable {
    /** Heartbeat timeout of the test clusters: short, so that a stopped node is given up quickly. */
    public static final int HEARTBEAT_SECONDS = 6;

    public final int port;
    public final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final List<ProcessHandle> workersSeen = new CopyOnWriteArrayList<>();
    private final CountDownLatch up = new CountDownLatch(1);

    private NodeProcess(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /** Starts a node with {@code slots} worker slots, joining {@code join} if not null, and waits until it serves. */
    public static NodeProcess start(int slots, NodeProcess join, String... properties) throws IOException, InterruptedException {
        return start(slots, join, List.of(), properties);
    }

    /** As {@link #start(int, NodeProcess, String...)}, with more options of {@code kinefold node}. */
    public static NodeProcess start(int slots, NodeProcess join, List<String> options, String... properties)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        // What the jar's manifest grants Hazelcast; a class path has no manifest to say it.
        command.addAll(List.of("--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens", "java.management/sun.management=ALL-UNNAMED",
                "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED"));
        command.add("-Dkinefold.cluster.heartbeatSeconds=" + HEARTBEAT_SECONDS);
        command.addAll(Arrays.asList(properties));
        command.add("-cp");
        command.add(String.join(File.pathSeparator, Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isBlank()).map(s -> Path.of(s).toAbsolutePath().toString()).toList()));
        command.add("io.kinefold.Main");
        command.addAll(List.of("node", "--port", Integer.toString(port), "--workers", Integer.toString(slots)));
        if (join != null) {
            command.addAll(List.of("--join", "127.0.0.1:" + join.port));
        }
        command.addAll(options);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        NodeProcess node = new NodeProcess(port, p);
        Thread reader = new Thread(node::read, "node-" + port + "-out");
        reader.setDaemon(true);
        reader.start();
        if (!node.up.await(60, TimeUnit.SECONDS)) {
            node.close();
            throw new IllegalStateException("node on port " + port + " did not start within 60 s: " + node.output());
        }
        return node;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                output.add(line);
                if (line.contains(" offers ")) {
                    up.countDown();
                }
            }
        } catch (IOException e) {
            // the node is gone
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    public String output() {
        return String.join("\n", output);
    }

    /** Notes its worker processes now, so that {@link #workersLeft} can check them after it is gone. */
    public void noteWorkers() {
        process.toHandle().descendants().filter(h -> !workersSeen.contains(h)).forEach(workersSeen::add);
    }

    public int workersNow() {
        return (int) process.toHandle().descendants().count();
    }

    /** Worker processes it had that are still alive. */
    public List<ProcessHandle> workersLeft() {
        return workersSeen.stream().filter(ProcessHandle::isAlive).toList();
    }

    public void kill9() throws InterruptedException {
        noteWorkers();
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public void signal(String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM, as Ctrl-C: the node ends its workers and leaves; forcibly after 20 s. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            noteWorkers();
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
