package io.kinefold.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.experiment.RunInfo;
import io.kinefold.experiment.Status;
import io.kinefold.kind.PoseKind;
import io.kinefold.kind.RepKind;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryBaselineTest {
    private static final RunInfo RUN = new RunInfo(4, 1, "quick", "single", 1, Status.SUCCEEDED, "datasets/demo",
            Instant.parse("2026-12-03T10:00:00Z"), Instant.parse("2026-12-03T10:01:00Z"), 60, 108, 108);

    @Test
    void countsTheModelsThatDoNotBeatTheirBestBaseline() {
        var best = Map.of(PoseKind.id(), 0.985, RepKind.id("squat"), 0.78, RepKind.id("lunge"), 0.64);
        var baselines = Map.of(PoseKind.id(), 0.998, RepKind.id("squat"), 0.68, RepKind.id("lunge"), 0.71);

        assertThat(HistoryViewModel.row(RUN, best, baselines).best()).endsWith(" · ⚠ 2 models not better than a baseline");
        assertThat(HistoryViewModel.row(RUN, best, Map.of()).best()).doesNotContain("⚠");
    }
}
