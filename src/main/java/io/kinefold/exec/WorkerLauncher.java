package io.kinefold.exec;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
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
    /**
     * Heap of a worker; fixed (min = max), so that it is never resized. Not touched up front
     * ({@code -XX:+AlwaysPreTouch}): that cost every worker a quarter of a second of a core before
     * its first trial, and the heap's pages are bounded by its size either way.
     */
    public static final String HEAP = System.getProperty("kinefold.worker.heap", "320m");

    /**
     * Which of the JVM's compilers a worker uses. C2 makes the Java side of a training step about
     * a tenth faster, but compiling for it costs each worker 3–4 s of CPU: on a short run with
     * every core busy that is more than it wins back.
     */
    public enum Jit {
        /** Decided per run by {@link #resolve}. */
        AUTO,
        /** C1 only ({@code -XX:TieredStopAtLevel=1}): cheap to warm up. */
        QUICK,
        /** Both compilers, the JVM's default: fastest once warm. */
        FULL;

        /** Up to this many trials per worker, AUTO means QUICK. */
        public static final int QUICK_UP_TO_TRIALS_PER_WORKER = 150;

        public Jit resolve(int trials, int workers) {
            if (this != AUTO) {
                return this;
            }
            return trials <= (long) QUICK_UP_TO_TRIALS_PER_WORKER * Math.max(1, workers) ? QUICK : FULL;
        }
    }

    /** Name of the class-data archive of workers, beside the app's jar: made by {@link WorkerArchive} at build time. */
    static final String ARCHIVE_SUFFIX = "-worker.jsa";

    private final List<String> command;
    private final String mainClass;
    private final Path archive;
    private Path profileDirectory;
    private Path archiveOutput;
    private Jit jit = Jit.AUTO;
    private Jit resolvedJit = Jit.FULL;

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

    /** Makes the next workers write the classes they loaded to a class-data archive when they exit. */
    WorkerLauncher archivingInto(Path file) {
        this.archiveOutput = file.toAbsolutePath();
        return this;
    }

    /** Sets which compilers workers use; AUTO decides per run (see {@link Jit}). */
    public WorkerLauncher withJit(Jit jit) {
        this.jit = jit;
        return this;
    }

    /** Fixes the compilers of the workers started for a run of this many trials on this many workers. */
    Jit prepareFor(int trials, int workers) {
        resolvedJit = jit.resolve(trials, workers);
        return resolvedJit;
    }

    /** How long a politely shut-down worker may take to exit before it is killed. */
    long exitGraceMillis() {
        // Writing a flight recording or a class-data archive at exit takes a few seconds more.
        return profileDirectory == null && archiveOutput == null ? 1500 : 20_000;
    }

    /**
     * The archive beside the jar a class path starts with ({@code target/kinefold.jar} →
     * {@code target/kinefold-worker.jsa}), if it exists. The JVM checks that it matches this Java
     * and this class path, and starts without it (saying so on stderr) where it does not.
     */
    static Path archiveBeside(String classPath) {
        String first = classPath.split(File.pathSeparator, 2)[0];
        if (!first.endsWith(".jar")) {
            return null;
        }
        Path candidate = archiveNextTo(Path.of(first));
        return Files.isReadable(candidate) ? candidate.toAbsolutePath() : null;
    }

    /** Where the worker archive of a jar lives: {@code kinefold.jar} → {@code kinefold-worker.jsa} beside it. */
    static Path archiveNextTo(Path jar) {
        return jar.resolveSibling(jar.getFileName().toString().replaceFirst("\\.jar$", ARCHIVE_SUFFIX));
    }

    /** A launcher of another main class, for tests that need a misbehaving worker. */
    WorkerLauncher(String java, String classPath, String mainClass) {
        this.mainClass = mainClass;
        this.archive = archiveBeside(classPath);
        List<String> c = new ArrayList<>();
        c.add(java);
        c.add("-Xms" + HEAP);
        c.add("-Xmx" + HEAP);
        // No physical-memory check on every native allocation: JavaCPP reads /proc/self/statm for
        // it, which took a tenth of a trial. A worker's memory is bounded instead between trials:
        // it collects when it grew (NativeMemory.releaseIfGrown) and the pool recycles it above
        // its RSS limit.
        c.add("-Dorg.bytedeco.javacpp.maxPhysicalBytes=0");
        // No shared-memory performance counters: nothing reads them, and N workers would each map a file.
        c.add("-XX:-UsePerfData");
        // The JVM's own log lines (a flight recording's start, say) go to stderr: stdout is the protocol's.
        // (A flight recording announces itself on stdout unless every output says otherwise.)
        c.add("-Xlog:all=warning,jfr+startup=off:stderr");
        c.add("-Xlog:all=off");
        // One collector thread: N workers must not fight over the cores they were given.
        c.add("-XX:+UseSerialGC");
        // A worker out of heap exits at once (code 3) instead of limping on with a dead thread
        // (its stdin reader, say) while the app waits; the JVM's last words go to stderr, where
        // the app finds them for the reason it gives (TrialScheduler).
        c.add("-XX:+ExitOnOutOfMemoryError");
        c.add("-XX:+DisplayVMOutputToStderr");
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

    /** The command line of worker {@code name}, with the options this launcher is set to. */
    List<String> command(String name) {
        List<String> c = new ArrayList<>(command);
        c.add(c.size() - 2, "-Dkinefold.worker.name=" + name);
        if (archiveOutput != null) {
            c.add(c.size() - 2, "-XX:ArchiveClassesAtExit=" + archiveOutput);
        } else if (archive != null) {
            // Classes come mapped from the archive, parsed and verified already: the worker is
            // ready in about half the time.
            c.add(c.size() - 2, "-XX:SharedArchiveFile=" + archive);
        }
        if (resolvedJit == Jit.QUICK) {
            c.add(c.size() - 2, "-XX:TieredStopAtLevel=1");
        }
        if (profileDirectory != null) {
            c.add(c.size() - 2, "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + profileDirectory.resolve(name + ".jfr"));
        }
        c.add(mainClass);
        return c;
    }

    public Process start(String name) throws IOException {
        List<String> c = command(name);
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
