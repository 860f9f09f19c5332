package io.kinefold.exec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * What the machine gives N independent CPU-bound processes: the same fixed amount of plain
 * arithmetic, timed in one process alone and then in N processes started together. The pool's
 * speedup is judged against this, not against N, because cores shared with hyperthreads, a busy
 * neighbour or thermal limits make N× unreachable on many machines.
 *
 * @param processes N
 * @param aloneSeconds the work in one process alone
 * @param togetherSeconds the slowest of N processes doing the same work at once
 */
public record CpuReference(int processes, double aloneSeconds, double togetherSeconds) {
    /** Work units sized to about two seconds on a current core. */
    public static final int DEFAULT_UNITS = 120;
    /** Each timing is taken this many times and the best kept, against a neighbour's burst. */
    private static final int REPEATS = 2;

    /** Throughput of N processes over one: {@code N × alone / together}. */
    public double speedup() {
        return processes * aloneSeconds / togetherSeconds;
    }

    public double efficiency() {
        return speedup() / processes;
    }

    public String describe() {
        return String.format(Locale.ROOT, "%d independent CPU-bound processes: %.2f× (%.2f s alone, %.2f s together, efficiency %.0f %%)",
                processes, speedup(), aloneSeconds, togetherSeconds, 100 * efficiency());
    }

    public static CpuReference measure(int processes) throws IOException, InterruptedException {
        return measure(processes, DEFAULT_UNITS);
    }

    public static CpuReference measure(int processes, int units) throws IOException, InterruptedException {
        return measure(processes, units, new RunCancel());
    }

    /**
     * Measures unless {@code cancel} comes first: a cancel kills the reference's processes at once,
     * and this throws {@link InterruptedException} within the bounded wait for them to go.
     */
    public static CpuReference measure(int processes, int units, RunCancel cancel) throws IOException, InterruptedException {
        List<Process> children = new CopyOnWriteArrayList<>();
        try (AutoCloseable stop = cancel.onCancel(() -> children.forEach(Process::destroyForcibly))) {
            double alone = Double.POSITIVE_INFINITY;
            double together = Double.POSITIVE_INFINITY;
            for (int i = 0; i < REPEATS; i++) {
                alone = Math.min(alone, run(1, units, children, cancel));
                together = Math.min(together, run(processes, units, children, cancel));
            }
            return new CpuReference(processes, alone, together);
        } catch (IOException e) {
            if (cancel.requested()) {
                throw new InterruptedException("the reference was cancelled");
            }
            throw e;
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e); // the handle's close does not throw
        }
    }

    /** Starts n children, lets them go at once, and returns the longest time one took. */
    private static double run(int n, int units, List<Process> children, RunCancel cancel) throws IOException, InterruptedException {
        children.clear();
        try {
            for (int i = 0; i < n; i++) {
                if (cancel.requested()) {
                    throw new InterruptedException("the reference was cancelled");
                }
                ProcessBuilder pb = new ProcessBuilder(WorkerLauncher.javaExecutable(), "-Xmx64m", "-XX:+UseSerialGC",
                        "-cp", WorkerLauncher.classPath(), CpuReference.class.getName(), Integer.toString(units));
                pb.redirectError(ProcessBuilder.Redirect.DISCARD);
                Process child = pb.start();
                children.add(child);
                if (cancel.requested()) {
                    child.destroyForcibly(); // the cancel may have gone through the list before it held this one
                }
            }
            List<BufferedReader> outs = new ArrayList<>();
            for (Process p : children) {
                BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                if (!"ready".equals(out.readLine())) {
                    throw new IOException("a reference process did not start");
                }
                outs.add(out);
            }
            for (Process p : children) {
                Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
                in.write("go\n");
                in.flush();
            }
            double longest = 0;
            for (BufferedReader out : outs) {
                String line = out.readLine();
                if (line == null) {
                    throw new IOException("a reference process ended without a time");
                }
                longest = Math.max(longest, Double.parseDouble(line));
            }
            return longest;
        } finally {
            for (Process p : children) {
                p.destroyForcibly();
                // bounded: a killed process goes at once, and a cancel must not hang on one that does not
                p.waitFor(2, TimeUnit.SECONDS);
            }
        }
    }

    /** The child: warms up, waits for "go", does the work, prints its seconds. */
    public static void main(String[] args) throws IOException {
        int units = Integer.parseInt(args[0]);
        work(2);
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        long start = System.nanoTime();
        double sink = work(units);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println(seconds);
        System.err.println(sink);
    }

    /** Dense float matrix products: CPU-bound, cache-resident, like a small network's step. */
    static double work(int units) {
        int n = 160;
        float[] a = new float[n * n];
        float[] b = new float[n * n];
        float[] c = new float[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i % 17) / 17f;
            b[i] = (i % 13) / 13f;
        }
        double sink = 0;
        for (int u = 0; u < units * 8; u++) {
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < n; k++) {
                    float aik = a[i * n + k];
                    for (int j = 0; j < n; j++) {
                        c[i * n + j] += aik * b[k * n + j];
                    }
                }
            }
            sink += c[u % c.length];
        }
        return sink;
    }
}
