package io.kinefold.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.ui.common.AppContext;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class RunViewTest {
    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("kinefold-run-view");
        context = new AppContext(dir.resolve("t.db"));
        Scene scene = new Scene(RunView.create(new RunViewModel(context, Platform::runLater)), 1100, 700);
        scene.getStylesheets().add(getClass().getResource("/io/kinefold/ui/kinefold.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void showsFourUnanimatedChartsAndOnlyCancelsWhileRunning(FxRobot robot) {
        assertThat(robot.lookup(".chart").queryAllAs(LineChart.class)).hasSize(4)
                .allSatisfy(chart -> {
                    assertThat(chart.getAnimated()).isFalse();
                    assertThat(chart.getCreateSymbols()).isFalse();
                });
        assertThat(robot.lookup("Cancel").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("Run in pool").queryButton().isDisabled()).isFalse();
    }

    @Test
    void refusesZeroWorkersInPlainWords(FxRobot robot) {
        ComboBox<?> workers = robot.lookup(".combo-box").queryAs(ComboBox.class);
        robot.interact(() -> workers.getEditor().setText("0"));
        WaitForAsyncUtils.waitForFxEvents();

        Button pool = robot.lookup("Run in pool").queryButton();
        assertThat(pool.isDisabled()).isTrue();
        assertThat(robot.lookup(".problem").queryAllAs(Label.class))
                .anySatisfy(l -> assertThat(l.getText()).startsWith("Workers: at least 1"));
    }
}
