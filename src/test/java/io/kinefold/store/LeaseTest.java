package io.kinefold.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.Provenance;
import io.kinefold.experiment.SpecIo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's open session is its lease: refused while its process lives and beats, taken over once not. */
class LeaseTest {
    @TempDir
    Path dir;

    private long run(Store store) throws Exception {
        ExperimentSpec spec = SpecIo.parse("""
                {"format":"kinefold-experiment/1","name":"lease","models":[{"model":"pose"}]}""", "test");
        return store.createRun(store.createExperiment(spec), "pool", 2, "/data",
                new Provenance("t", "17", "1", "linux", "cpu", 2, 1L << 30, "fp"), 4);
    }

    @Test
    void refusesARunHeldByALiveProcessOnThisHostNamingIt() throws Exception {
        Path db = dir.resolve("t.db");
        Process other = Leases.liveProcess();
        try (Store store = Store.open(db)) {
            long run = run(store);
            Leases.holdAs(db, run, store.host(), other.pid());

            assertThat(store.liveHolder(run)).get().extracting(RunHolder::pid).isEqualTo(other.pid());
            assertThatThrownBy(() -> store.startSession(run)).isInstanceOf(RunHeldException.class)
                    .hasMessageContaining("host " + store.host()).hasMessageContaining("pid " + other.pid());
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void refusesARunHeldByAnotherHostThatBeatsRecently() throws Exception {
        Path db = dir.resolve("t.db");
        try (Store store = Store.open(db)) {
            long run = run(store);
            Leases.holdAs(db, run, "elsewhere.example", 12345);

            assertThatThrownBy(() -> store.startSession(run)).isInstanceOf(RunHeldException.class)
                    .hasMessageContaining("elsewhere.example").hasMessageContaining("12345");
        }
    }

    @Test
    void takesOverTheLeaseOfAProcessGoneFromThisHost() throws Exception {
        Path db = dir.resolve("t.db");
        try (Store store = Store.open(db)) {
            long run = run(store);
            Leases.holdAs(db, run, store.host(), Leases.deadPid());

            assertThat(store.liveHolder(run)).isEmpty();
            long session = store.startSession(run);
            assertThat(session).isPositive();
        }
    }

    @Test
    void takesOverTheLeaseOfAHostSilentPastTheBound() throws Exception {
        Path db = dir.resolve("t.db");
        try (Store store = Store.open(db)) {
            long run = run(store);
            long stale = Leases.holdAs(db, run, "elsewhere.example", 12345);
            Leases.beatAt(db, stale, System.currentTimeMillis() - Store.LEASE_STALE_AFTER.toMillis() - 1000);

            assertThat(store.liveHolder(run)).isEmpty();
            store.startSession(run);
            assertThat(store.run(run).orElseThrow().wallSeconds()).as("the dead session measured nothing").isZero();
        }
    }
}
