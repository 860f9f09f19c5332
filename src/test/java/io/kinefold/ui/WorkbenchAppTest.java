package io.kinefold.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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
