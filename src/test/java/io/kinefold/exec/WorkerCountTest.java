package io.kinefold.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How many workers the machine holds, and the words that say why. */
class WorkerCountTest {
    private static long gigabytes(double gb) {
        return Math.round(gb * 1e9);
    }

    @ParameterizedTest(name = "{0} cores, {1} GB free, {2} GB each -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # cores | free GB | GB per worker | measured | workers | reason
                  4 |    16.0 |           0.7 | false    |       3 | 3 workers: 4 cores, 1 kept for the app; 16.0 GB free, 0.7 GB per worker (until measured)
                  8 |    64.0 |           0.5 | true     |       7 | 7 workers: 8 cores, 1 kept for the app; 64.0 GB free, 0.5 GB per worker (measured)
                  2 |    16.0 |           0.7 | false    |       2 | 2 workers: 2 cores; 16.0 GB free, 0.7 GB per worker (until measured)
                  3 |     8.0 |           0.7 | false    |       3 | 3 workers: 3 cores; 8.0 GB free, 0.7 GB per worker (until measured)
                  8 |     4.0 |           1.0 | true     |       2 | 2 workers: 8 cores, 1 kept for the app; 4.0 GB free, 1.0 GB per worker (measured) — memory is the limit
                 16 |     3.0 |           0.7 | false    |       2 | 2 workers: 16 cores, 1 kept for the app; 3.0 GB free, 0.7 GB per worker (until measured) — memory is the limit
                  4 |     1.5 |           0.7 | true     |       1 | 1 worker: 4 cores, 1 kept for the app; 1.5 GB free, 0.7 GB per worker (measured) — memory is the limit
                 16 |     0.5 |           0.9 | false    |       1 | 1 worker: 16 cores, 1 kept for the app; 0.5 GB free, 0.9 GB per worker (until measured) — memory is the limit
            """)
    void choosesByCoresAndFreeMemoryAndSaysWhy(int cores, double freeGb, double perWorkerGb, boolean measured, int workers,
                                               String reason) {
        WorkerCount count = WorkerCount.auto(cores, gigabytes(freeGb), gigabytes(perWorkerGb), measured);

        assertThat(count.workers()).isEqualTo(workers);
        assertThat(count.reason()).isEqualTo(reason);
    }

    @ParameterizedTest(name = "{0} cores, {1} bytes free, {2} bytes each")
    @CsvSource(textBlock = """
            1, 0, 0
            1, 16000000000, 734003200
            2, 0, 734003200
            64, 1073741824, 734003200
            64, -1, 734003200
            4, 0, -1
            """)
    void neverChoosesFewerThanOneWorker(int cores, long freeBytes, long perWorkerBytes) {
        WorkerCount count = WorkerCount.auto(cores, freeBytes, perWorkerBytes, false);

        assertThat(count.workers()).isEqualTo(1);
        assertThat(count.reason()).startsWith("1 worker: ");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            1, 1 worker: as asked
            3, 3 workers: as asked
            """)
    void aFixedCountSaysItWasAsked(int workers, String reason) {
        assertThat(WorkerCount.fixed(workers)).isEqualTo(new WorkerCount(workers, reason));
    }

    @ParameterizedTest(name = "{0} asked, {1} cores, {2} GB free -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # asked | cores | free GB | workers | reason
                  2 |     2 |    24.0 |       2 | 2 workers: as asked
                  4 |     2 |    24.0 |       4 | 4 workers: as asked; 4 workers on 2 cores: they will share cores
                 64 |     2 |    24.0 |      32 | 32 workers: 64 asked, but 24.0 GB free holds 32 at 0.7 GB per worker (until measured); 32 workers on 2 cores: they will share cores
                  8 |    16 |     3.0 |       2 | 2 workers: 8 asked, but 3.0 GB free holds 2 at 0.7 GB per worker (until measured)
                  3 |     1 |     0.5 |       1 | 1 worker: 3 asked, but 0.5 GB free holds 1 at 0.7 GB per worker (until measured)
            """)
    void checksAnAskedCountAgainstCoresAndMemory(int asked, int cores, double freeGb, int workers, String reason) {
        WorkerCount count = WorkerCount.checked(asked, cores, gigabytes(freeGb), gigabytes(0.7));

        assertThat(count.workers()).isEqualTo(workers);
        assertThat(count.reason()).isEqualTo(reason);
    }

    @Test
    void keepsTheAppsHeadroomOutOfTheMemoryItShares() {
        long oneWorker = WorkerCount.INITIAL_FOOTPRINT;

        assertThat(WorkerCount.auto(64, WorkerCount.HEADROOM + 3 * oneWorker, oneWorker, false).workers()).isEqualTo(3);
        assertThat(WorkerCount.auto(64, WorkerCount.HEADROOM + 3 * oneWorker - 1, oneWorker, false).workers()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0|at least 1 is needed", "many|“many” is not a number", "257|257 is more than 256", "' '|empty"})
    void refusesCountsThatCannotRunWithTheReason(String text, String reason) {
        assertThatThrownBy(() -> WorkerCount.parse(text))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(reason)
                .hasMessageEndingWith("type auto or a number from 1 to 256");
    }

    @Test
    void readsAutoAndNumbers() {
        assertThat(WorkerCount.parse(" 3 ").workers()).isEqualTo(3);
        assertThat(WorkerCount.parse("AUTO").workers()).isPositive();
        assertThat(WorkerCount.isAuto(" auto")).isTrue();
    }
}
