package io.kinefold.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kinefold.Await;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ResourceSamplerTest {
    private static final Duration INTERVAL = Duration.ofMillis(100);
    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void samplesTheMachineAndAWorkerAtEveryInterval() throws InterruptedException {
        List<ResourceSample> received = new CopyOnWriteArrayList<>();
        int cores = MachineInfo.logicalCores();
        long startedAt = System.currentTimeMillis();
        ResourceSampler sampler = new ResourceSampler(INTERVAL, () -> Map.of("w1", SELF), received::add);
        sampler.start();
        Await.until(Duration.ofMillis(1050), () -> received.size() >= 5);
        sampler.close();

        assertThat(received).hasSizeGreaterThanOrEqualTo(5);
        assertThat(sampler.samples()).isEqualTo(received);
        // A load needs two readings of the tick counters, so nothing comes before one interval.
        assertThat(received.get(0).epochMillis()).isGreaterThanOrEqualTo(startedAt + INTERVAL.toMillis() - 20);
        for (ResourceSample s : received) {
            assertThat(s.cpuTotal()).isBetween(0.0, 1.0);
            assertThat(s.cpuPerCore()).hasSize(cores);
            assertThat(Arrays.stream(s.cpuPerCore())).allSatisfy(c -> assertThat(c).isBetween(0.0, 1.0));
            assertThat(s.memTotalBytes()).isEqualTo(MachineInfo.totalMemoryBytes());
            assertThat(s.memUsedBytes()).isPositive().isLessThanOrEqualTo(s.memTotalBytes());
            assertThat(s.swapUsedBytes()).isNotNegative();
            assertThat(s.workers()).containsOnlyKeys("w1");
            WorkerSample w1 = s.workers().get("w1");
            assertThat(w1.pid()).isEqualTo(SELF);
            assertThat(w1.cpu()).isBetween(0.0, (double) cores);
            assertThat(w1.rssBytes()).isPositive();
        }
        assertThat(sampler.meanSampleMillis()).isPositive().isFinite();
        ResourceSummary summary = sampler.summary();
        assertThat(summary.samples()).isEqualTo(received.size());
        assertThat(summary.peakRssBytesByWorker()).containsOnlyKeys("w1");
    }

    @Test
    void closeStopsTheThreadAndNoSampleFollows() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        ResourceSampler sampler = new ResourceSampler(INTERVAL, Map::of, s -> calls.incrementAndGet());
        sampler.start();
        Thread monitor = monitorThread();
        assertThat(monitor.isDaemon()).isTrue();
        awaitTrue(() -> calls.get() >= 2);

        sampler.close();

        assertThat(monitor.isAlive()).isFalse();
        int after = calls.get();
        Thread.sleep(3 * INTERVAL.toMillis());
        assertThat(calls.get()).isEqualTo(after);
        assertThat(sampler.samples()).hasSize(after);
        sampler.close(); // idempotent
        assertThatThrownBy(sampler::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void closeBeforeStartIsHarmlessAndStartIsOnce() {
        new ResourceSampler(INTERVAL, Map::of, s -> { }).close();
        try (ResourceSampler sampler = new ResourceSampler(INTERVAL, Map::of, s -> { })) {
            sampler.start();
            assertThatThrownBy(sampler::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("already");
        }
    }

    @Test
    void aWorkerWhoseProcessExitedIsAbsentFromTheNextSample() throws IOException, InterruptedException {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try (ResourceSampler sampler = new ResourceSampler(INTERVAL, () -> Map.of("w1", sleeper.pid(), "w2", SELF),
                s -> { })) {
            ResourceSample before = sampler.sampleOnce();
            assertThat(before.workers()).containsOnlyKeys("w1", "w2");
            assertThat(before.workers().get("w1").pid()).isEqualTo(sleeper.pid());
            assertThat(before.workers().get("w1").rssBytes()).isPositive();

            sleeper.destroy();
            assertThat(sleeper.waitFor(5, TimeUnit.SECONDS)).isTrue();
            ResourceSample after = sampler.sampleOnce();

            assertThat(after).isNotNull();
            assertThat(after.workers()).containsOnlyKeys("w2");
            assertThat(sampler.samples()).containsExactly(before, after);
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void followsTheWorkersAsTheyChangeBetweenSamples() {
        AtomicInteger tick = new AtomicInteger();
        Map<String, Long> first = Map.of("w1", SELF);
        Map<String, Long> second = Map.of("w2", SELF, "w3", Long.MAX_VALUE);
        try (ResourceSampler sampler = new ResourceSampler(INTERVAL,
                () -> tick.getAndIncrement() == 0 ? first : second, s -> { })) {
            assertThat(sampler.sampleOnce().workers()).containsOnlyKeys("w1");
            assertThat(sampler.sampleOnce().workers()).containsOnlyKeys("w2");
        }
    }

    @Test
    void aThrowingSinkOrWorkerSourceDoesNotStopSampling() {
        AtomicInteger calls = new AtomicInteger();
        try (ResourceSampler sampler = new ResourceSampler(Duration.ofMillis(50),
                () -> { throw new IllegalStateException("pool gone"); },
                s -> {
                    calls.incrementAndGet();
                    throw new IllegalStateException("sink broken");
                })) {
            sampler.start();
            awaitTrue(() -> calls.get() >= 3);

            assertThat(monitorThread().isAlive()).isTrue();
            assertThat(sampler.samples()).hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(s -> assertThat(s.workers()).isEmpty());
        }
    }

    @Test
    void oneSampleOfTwoWorkersCostsFarLessThanItsInterval() throws IOException {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try (ResourceSampler sampler = new ResourceSampler(Duration.ofSeconds(1),
                () -> Map.of("w1", SELF, "w2", sleeper.pid()), s -> { })) {
            for (int i = 0; i < 50; i++) {
                assertThat(sampler.sampleOnce().workers()).hasSize(2);
            }
            // A tenth of the usual one-second interval would already be a monitor in the way of the work.
            assertThat(sampler.meanSampleMillis()).isPositive().isLessThan(100);
            assertThat(sampler.summary().meanSampleMillis()).isCloseTo(sampler.meanSampleMillis(), within(1e-9));
        } finally {
            sleeper.destroyForcibly();
        }
    }

    private static Thread monitorThread() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("kinefold-monitor"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no thread named kinefold-monitor"));
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
