package io.kinefold.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.ModelSummary;
import io.kinefold.experiment.RunInfo;
import io.kinefold.experiment.RunReport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Control characters in names from data are shown in Markdown, LaTeX and HTML exports, never passed on. */
class ControlCharactersTest {
    /** Clears the screen, retitles the window, a C1 CSI, and a right-to-left override. */
    private static final String HOSTILE = "evil\u001b[2J\u001b]0;owned\u0007\u009b31m\u202egnp.exe";

    private static RunReport hostileReport() {
        RunReport base = ReportFixtures.report();
        RunInfo r = base.run();
        RunInfo run = new RunInfo(r.id(), r.experimentId(), HOSTILE, r.mode(), r.workers(), r.status(), HOSTILE,
                r.started(), r.finished(), r.wallSeconds(), r.trialsTotal(), r.trialsDone());
        ExperimentSpec s = base.spec();
        ExperimentSpec spec = new ExperimentSpec(s.format(), HOSTILE, HOSTILE, s.folds(), s.seed(), s.earlyStopping(), s.models());
        List<ModelSummary> models = new ArrayList<>(base.models());
        ModelSummary pose = models.get(0);
        models.set(0, new ModelSummary(pose.model(), List.of(HOSTILE, "push-up", "lunge"), pose.majorityRate(), pose.points(),
                pose.best(), pose.significance()));
        return new RunReport(run, spec, base.provenance(), models, base.trials());
    }

    @ParameterizedTest
    @EnumSource(value = ExportFormat.class, names = {"MARKDOWN", "LATEX", "HTML"})
    void showsControlCharactersAsEscapes(ExportFormat format) {
        String text = Exporter.render(hostileReport(), format, ReportExtras.NONE);
        assertThat(text.chars().filter(c -> VisibleText.isControl((char) c))).isEmpty();
        assertThat(text).contains("u001b").contains("u009b").contains("u202e");
    }

    @ParameterizedTest
    @EnumSource(value = ExportFormat.class, names = {"MARKDOWN", "LATEX", "HTML"})
    void leavesOrdinaryNamesAsTheyWere(ExportFormat format) {
        assertThat(Exporter.render(ReportFixtures.report(), format, ReportExtras.NONE)).doesNotContain("\\u00");
    }
}
