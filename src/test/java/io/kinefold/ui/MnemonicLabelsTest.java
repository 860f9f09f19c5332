package io.kinefold.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.ui.common.AppContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every label with a mnemonic (Alt+letter) in every view leads somewhere: an FXML label that named
 * its field before the field was defined pointed at nothing, and its Alt+letter did nothing.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("slow")
class MnemonicLabelsTest {
    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("kinefold-mnemonics");
        context = new AppContext(dir.resolve("t.db"), Preferences.userRoot().node("io/kinefold/test/mnemonics"));
        context.preferences().clear();
        new WorkbenchApp(context).start(stage);
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void everyLabelWithAMnemonicInEveryViewHasAControlToGoTo(FxRobot robot) {
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        List<String> pointingNowhere = new ArrayList<>();
        int seen = 0;
        for (Tab tab : List.copyOf(tabs.getTabs())) {
            robot.interact(() -> tabs.getSelectionModel().select(tab));
            WaitForAsyncUtils.waitForFxEvents();
            for (Node n : tab.getContent().lookupAll(".label")) {
                if (n instanceof Label l && l.isMnemonicParsing() && l.getText() != null && l.getText().contains("_")) {
                    seen++;
                    if (l.getLabelFor() == null) {
                        pointingNowhere.add(tab.getText() + ": " + l.getText());
                    }
                }
            }
        }
        assertThat(seen).as("labels with a mnemonic").isGreaterThanOrEqualTo(6);
        assertThat(pointingNowhere).isEmpty();
    }

    @Test
    void altWAndAltTReachTheRunViewsFields(FxRobot robot) {
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getText().equals("Run")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        TextField timeout = robot.lookup("#trialTimeoutField").queryAs(TextField.class);
        robot.press(KeyCode.ALT, KeyCode.T).release(KeyCode.T, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(timeout.getScene().getFocusOwner()).isSameAs(timeout);
        robot.press(KeyCode.ALT, KeyCode.W).release(KeyCode.W, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(timeout.getScene().getFocusOwner()).isNotSameAs(timeout);
        assertThat(timeout.getScene().getFocusOwner().getId() + " " + timeout.getScene().getFocusOwner().getParent())
                .contains("workersBox");
    }
}
