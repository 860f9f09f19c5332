package io.kinefold.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppContextTest {
    @TempDir
    Path dir;

    @Test
    void runsBackgroundWorkUntilClosedAndDropsWhatComesLater() throws Exception {
        AppContext context = new AppContext(dir.resolve("t.db"));
        CountDownLatch ran = new CountDownLatch(1);
        context.background().execute(ran::countDown);
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();

        context.close();
        AtomicBoolean late = new AtomicBoolean();

        assertThatCode(() -> context.background().execute(() -> late.set(true))).doesNotThrowAnyException();
        Thread.sleep(200);
        assertThat(late).isFalse();
    }
}
