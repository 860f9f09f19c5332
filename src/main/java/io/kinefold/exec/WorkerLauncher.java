package io.kinefold.exec;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Starts worker JVMs with the app's own Java and class path, so that it works the same from
 * {@code java -jar target/kinefold.jar}, from {@code mvn javafx:run} and from tests.
 */
public final class WorkerLauncher {
    /** Heap of a worker; fixed (min = max, touched up front) so that its RSS does not creep. */
    public static final String HEAP = System.getProperty("kinefold.worker.heap", "320m");

    /** Resident memory a worker may reach before native allocations fail. */
    public static final String NATIVE_LIMIT = System.getProperty("kinefold.worker.maxPhysical", "1536m");

    private final List<String> command;
    private final String mainClass;

    public WorkerLauncher() {
        this(javaExecutable(), classPath(), WorkerMain.class.getName());
    }

    /** A launcher of another main class, for tests that need a misbehaving worker. */
    WorkerLauncher(String java, String classPath, String mainClass) {
        this.mainClass = mainClass;
        List<String> c = new ArrayList<>();
        c.add(java);
        c.add("-Xms" + HEAP);
        c.add("-Xmx" + HEAP);
        c.add("-XX:+AlwaysPreTouch");
        // A ceiling on the worker's resident memory where JavaCPP allocates natively; the pool
        // also recycles a worker above its RSS limit after each trial.
        c.add("-Dorg.bytedeco.javacpp.maxPhysicalBytes=" + NATIVE_LIMIT);
        // One collector thread: N workers must not fight over the cores they were given.
        c.add("-XX:+UseSerialGC");
        c.add("-Djava.awt.headless=true");
        c.add("-cp");
        c.add(classPath);
        command = List.copyOf(c);
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The class path with every entry made absolute, so that a worker finds it from any directory. */
    static String classPath() {
        return String.join(File.pathSeparator, Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(s -> Path.of(s).toAbsolutePath().toString())
                .toList());
    }

    public Process start(String name) throws IOException {
        List<String> c = new ArrayList<>(command);
        c.add(c.size() - 2, "-Dkinefold.worker.name=" + name);
        c.add(mainClass);
        ProcessBuilder pb = new ProcessBuilder(c);
        Map<String, String> env = pb.environment();
        // One native thread per worker: with N workers on N cores, more threads only contend.
        env.put("OMP_NUM_THREADS", "1");
        env.put("MKL_NUM_THREADS", "1");
        env.put("OPENBLAS_NUM_THREADS", "1");
        // glibc otherwise opens an arena per thread and keeps what ND4J frees in each.
        env.put("MALLOC_ARENA_MAX", "2");
        pb.redirectError(ProcessBuilder.Redirect.PIPE);
        return pb.start();
    }
}
