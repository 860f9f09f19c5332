package io.kinefold.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class WorkbenchAppTest {

    @Start
    void start(Stage stage) {
        new WorkbenchApp().start(stage);
    }

    @Test
    void opensAWindowTitledWithTheAppName(FxRobot robot) {
        assertThat(robot.listWindows()).singleElement()
                .satisfies(w -> assertThat(((Stage) w).getTitle()).isEqualTo("Kinefold"));
    }
}
