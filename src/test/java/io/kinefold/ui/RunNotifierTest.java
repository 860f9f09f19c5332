package io.kinefold.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

class RunNotifierTest {
    private final SimpleBooleanProperty running = new SimpleBooleanProperty();
    private final SimpleStringProperty status = new SimpleStringProperty("");
    private final SimpleStringProperty error = new SimpleStringProperty();
    private final AtomicBoolean focused = new AtomicBoolean();
    private final AtomicLong now = new AtomicLong(1_000);
    private final List<RunNotifier.Notice> shown = new ArrayList<>();
    private final RunNotifier notifier = new RunNotifier(running, status::get, error::get, focused::get, now::get,
            Runnable::run, shown::add);

    private void runFor(long millis) {
        running.set(true);
        now.addAndGet(millis);
        running.set(false);
    }

    @Test
    void notifiesWhenALongRunEndsInTheBackground() {
        status.set("Finished: 54 trials, best pose 0.97");

        runFor(95_000);

        assertThat(shown).containsExactly(
                new RunNotifier.Notice("The run ended after 1:35", "Finished: 54 trials, best pose 0.97", false));
    }

    @Test
    void notifiesWhenALongRunFailsInTheBackground() {
        error.set("Worker 2 exited with code 137");

        runFor(40_000);

        assertThat(shown).singleElement().satisfies(n -> {
            assertThat(n.failed()).isTrue();
            assertThat(n.title()).isEqualTo("The run failed after 0:40");
            assertThat(n.text()).isEqualTo("Worker 2 exited with code 137");
        });
    }

    @Test
    void saysNothingOfAShortRunOrOneWatchedInTheWindow() {
        runFor(RunNotifier.LONG_RUN_MILLIS - 1);
        focused.set(true);
        runFor(120_000);

        assertThat(shown).isEmpty();
    }
}
