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

    private final List<String> command;
    private final String mainClass;
    private Path profileDirectory;

    public WorkerLauncher() {
        this(javaExecutable(), classPath(), WorkerMain.class.getName());
    }

    /**
     * Makes every worker started from now on keep a Java Flight Recording, written to
     * {@code DIR/<worker name>.jfr} when the worker is shut down politely.
     */
    public WorkerLauncher profilingInto(Path directory) {
        this.profileDirectory = directory.toAbsolutePath();
        return this;
    }

    /** How long a politely shut-down worker may take to exit before it is killed. */
    long exitGraceMillis() {
        // Writing a flight recording at exit takes a few seconds more.
        return profileDirectory == null ? 1500 : 20_000;
    }

    /** A launcher of another main class, for tests that need a misbehaving worker. */
    WorkerLauncher(String java, String classPath, String mainClass) {
        this.mainClass = mainClass;
        List<String> c = new ArrayList<>();
        c.add(java);
        c.add("-Xms" + HEAP);
        c.add("-Xmx" + HEAP);
        c.add("-XX:+AlwaysPreTouch");
        // No physical-memory check on every native allocation: JavaCPP reads /proc/self/statm for
        // it, which took a tenth of a trial. A worker's memory is bounded instead between trials:
        // it collects when it grew (NativeMemory.releaseIfGrown) and the pool recycles it above
        // its RSS limit.
        c.add("-Dorg.bytedeco.javacpp.maxPhysicalBytes=0");
        // No shared-memory performance counters: nothing reads them, and N workers would each map a file.
        c.add("-XX:-UsePerfData");
        // The JVM's own log lines (a flight recording's start, say) go to stderr: stdout is the protocol's.
        c.add("-Xlog:all=warning:stderr");
        c.add("-Xlog:jfr+startup=warning:stderr");
        // One collector thread: N workers must not fight over the cores they were given.
        c.add("-XX:+UseSerialGC");
        c.add("-Djava.awt.headless=true");
        // Extra options for experiments and profiling, split on spaces.
        for (String option : System.getProperty("kinefold.worker.jvmOptions", "").trim().split("\\s+")) {
            if (!option.isEmpty()) {
                c.add(option);
            }
        }
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
        if (profileDirectory != null) {
            c.add(c.size() - 2, "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + profileDirectory.resolve(name + ".jfr"));
        }
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
