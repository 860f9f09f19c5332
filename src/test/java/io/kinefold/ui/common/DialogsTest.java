package io.kinefold.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class DialogsTest {
    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void destructiveQuestionsDefaultToTheSafeChoice(FxRobot robot) {
        Alert[] alert = new Alert[1];
        robot.interact(() -> alert[0] = Dialogs.destructiveQuestion("Delete run 12?", "Its trials go too.",
                "Delete run 12", "Keep it"));

        ButtonType keep = alert[0].getButtonTypes().stream()
                .filter(b -> b.getButtonData() == ButtonBar.ButtonData.CANCEL_CLOSE).findFirst().orElseThrow();
        ButtonType delete = alert[0].getButtonTypes().stream()
                .filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).findFirst().orElseThrow();
        assertThat(((Button) alert[0].getDialogPane().lookupButton(keep)).isDefaultButton()).isTrue();
        assertThat(((Button) alert[0].getDialogPane().lookupButton(delete)).isDefaultButton()).isFalse();
        assertThat(delete.getText()).isEqualTo("Delete run 12");
    }
}
