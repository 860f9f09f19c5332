package io.kinefold.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.experiment.Provenance;
import io.kinefold.experiment.SpecIo;
import io.kinefold.store.Store;
import io.kinefold.ui.TestWindows;
import io.kinefold.ui.common.AppContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
@Tag("slow")
class HistoryViewTest {
    private AppContext context;
    private long runId;

    @Start
    void start(Stage stage) throws Exception {
        Path db = Files.createTempDirectory("kinefold-history-view").resolve("t.db");
        try (Store store = Store.open(db)) {
            long experiment = store.createExperiment(SpecIo.readResource("quick"));
            runId = store.createRun(experiment, "single", 1, "/nowhere",
                    new Provenance("test", "17", "1.0", "linux", "cpu", 2, 1L << 30, "fp"), 6);
        }
        context = new AppContext(db);
        HistoryViewModel model = new HistoryViewModel(context, Platform::runLater);
        TestWindows.show(stage, HistoryView.create(model, context.fileDialogs()), 1000, 600);
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void listsTheStoredRunAndEnablesDeleteOnceSelected(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<HistoryRow> table = robot.lookup(".table-view").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).id()).isEqualTo(runId);
        assertThat(table.getItems().get(0).mode()).isEqualTo("single");
        assertThat(robot.lookup("Delete").queryButton().isDisabled()).isTrue();

        robot.interact(() -> table.getSelectionModel().select(0));

        assertThat(robot.lookup("Delete").queryButton().isDisabled()).isFalse();
    }
}
