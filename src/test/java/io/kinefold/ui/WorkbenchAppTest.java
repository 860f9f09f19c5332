package io.kinefold.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.ui.common.AppContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import org.controlsfx.control.StatusBar;
import org.testfx.util.WaitForAsyncUtils;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
@Tag("slow")
class WorkbenchAppTest {

    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("kinefold-app");
        context = new AppContext(dir.resolve("t.db"), Preferences.userRoot().node("io/kinefold/test/app"));
        context.preferences().clear();
        new WorkbenchApp(context).start(stage);
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void bringsResultsForwardWhenARunIsShownAndRunWhenOneIsResumed(FxRobot robot) {
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        robot.interact(() -> context.shownRunProperty().set(42L));
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Results");

        robot.interact(() -> context.resumeRequestProperty().set(4242L));
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Run");
    }

    @Test
    void statusBarShowsTheStoreAndBackgroundWork(FxRobot robot) throws Exception {
        StatusBar bar = robot.lookup("#statusBar").queryAs(StatusBar.class);
        assertThat(robot.lookup("#statusStore").queryAs(Label.class).getText()).isEqualTo("Store t.db");
        assertThat(robot.lookup("#statusStore").queryAs(Label.class).getTooltip().getText())
                .endsWith(context.storeFile().toAbsolutePath().toString());
        CountDownLatch release = new CountDownLatch(1);

        context.background().execute(() -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> bar.getText().startsWith("Working in the background"));
        assertThat(bar.getTooltip().getText()).as("the whole text, however narrow the window").isEqualTo(bar.getText());
        release.countDown();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !bar.getText().startsWith("Working in the background"));
    }

    @Test
    void theStatusBarNamesTheDatasetAndStoreWholeBesideALongVerdict(FxRobot robot) {
        Stage stage = (Stage) robot.listWindows().get(0);
        StatusBar bar = robot.lookup("#statusBar").queryAs(StatusBar.class);
        robot.interact(() -> {
            stage.setWidth(1280);
            // as the end of a comparison on a busy machine leaves it
            bar.textProperty().unbind();
            bar.setText("Compared: single process 0:12, 2 workers 0:10 → 1.21× faster, 61 % efficiency (106 % of what"
                    + " 2 plain processes get); metrics identical — the reference is unreliable, see the warning");
        });
        WaitForAsyncUtils.waitForFxEvents();

        for (String id : java.util.List.of("#statusDataset", "#statusStore")) {
            Label label = robot.lookup(id).queryAs(Label.class);
            javafx.scene.text.Text drawn = (javafx.scene.text.Text) label.lookup(".text");
            assertThat(drawn.getText()).as(id + " drawn whole").isEqualTo(label.getText());
        }
    }

    @Test
    void altLLoadsTheRealPresetThoughHistorysLabNoteIsAltLToo(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> context.specProperty().get() != null);

        // "Rea_l" is Alt+'l', History's "_Lab note" Alt+'L': JavaFX tried only the hidden one
        robot.press(KeyCode.ALT, KeyCode.L).release(KeyCode.L, KeyCode.ALT);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "real".equals(context.specProperty().get().name()));
    }

    @Test
    void switchesTabsWithCtrlAndADigit(FxRobot robot) {
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        assertThat(tabs.getSelectionModel().getSelectedIndex()).isEqualTo(4);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        assertThat(tabs.getSelectionModel().getSelectedIndex()).isEqualTo(1);
    }

    @Test
    void remembersTheWindowSizeAndTabWhenClosed(FxRobot robot) {
        Stage stage = (Stage) robot.listWindows().get(0);
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        robot.interact(() -> {
            tabs.getSelectionModel().select(2);
            stage.setWidth(1000);
            stage.setHeight(700);
            stage.hide();
        });
        assertThat(context.preferences().getInt(WorkbenchApp.TAB, -1)).isEqualTo(2);
        assertThat(context.preferences().getDouble(WorkbenchApp.WIDTH, 0)).isEqualTo(1000.0);
        assertThat(context.preferences().getDouble(WorkbenchApp.HEIGHT, 0)).isEqualTo(700.0);
    }

    @Test
    void opensAWindowTitledWithTheAppNameAndVersion(FxRobot robot) {
        assertThat(robot.listWindows()).singleElement()
                .satisfies(w -> assertThat(((Stage) w).getTitle()).startsWith("Kinefold ").doesNotEndWith(" "));
    }

    @Test
    void hasOneTabPerView(FxRobot robot) {
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(Tab::getText)
                .containsExactly("Dataset", "Experiment", "Run", "Results", "History");
        assertThat(tabs.getTabs().get(0).getContent()).isNotNull();
        assertThat(tabs.getTabClosingPolicy()).isEqualTo(TabPane.TabClosingPolicy.UNAVAILABLE);
    }
}
