package io.kinefold.ui.dataset;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.data.synth.DatasetGenerator;
import io.kinefold.ui.TestWindows;
import io.kinefold.ui.common.AppContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
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
class DatasetViewTest {
    private Path dir;
    private AppContext context;
    private DatasetViewModel model;

    @Start
    void start(Stage stage) throws IOException {
        dir = Files.createTempDirectory("kinefold-view");
        DatasetGenerator.generate(dir.resolve("data"), new DatasetGenerator.Options(2, 1, 2, 15));
        context = new AppContext(dir.resolve("store.db"));
        model = new DatasetViewModel(context, Platform::runLater, null);
        TestWindows.show(stage, DatasetView.create(model, context.fileDialogs()), 1100, 700);
        model.open(dir.resolve("data"));
    }

    @AfterEach
    void tearDown() throws IOException {
        context.close();
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private TableView<RecordingRow> table(FxRobot robot) throws TimeoutException {
        TableView<RecordingRow> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(10, SECONDS, () -> table.getItems().size() > 1);
        return table;
    }

    @Test
    void showsTheRecordingsAndFiltersThem(FxRobot robot) throws TimeoutException {
        TableView<RecordingRow> table = table(robot);
        int all = table.getItems().size();
        assertThat(all).isEqualTo(model.datasetProperty().get().recordings().size());
        assertThat(robot.lookup("#nameLabel").queryAs(Label.class).getText()).isEqualTo(model.datasetProperty().get().name());

        String exercise = table.getItems().get(0).exercise();
        robot.clickOn("#filterField").write(exercise);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table.getItems()).isNotEmpty().hasSizeLessThan(all)
                .allSatisfy(r -> assertThat(r.exercise()).isEqualTo(exercise));
    }

    @Test
    void selectingARowDrawsTheFigureAndTheSliderMovesTheFrame(FxRobot robot) throws Exception {
        TableView<RecordingRow> table = table(robot);
        Canvas canvas = robot.lookup("#canvas").queryAs(Canvas.class);
        robot.interact(() -> model.select(null));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(foregroundPixels(robot, canvas)).isZero();

        robot.interact(() -> table.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.selectedProperty().get()).isSameAs(table.getItems().get(0));
        assertThat(foregroundPixels(robot, canvas)).isGreaterThan(100);
        Label frame = robot.lookup("#frameLabel").queryAs(Label.class);
        int first = table.getItems().get(0).recording().track().frameNumbers()[0];
        assertThat(frame.getText()).startsWith("frame " + first + " / ");

        Slider slider = robot.lookup("#frameSlider").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(10));
        int tenth = table.getItems().get(0).recording().track().frameNumbers()[10];
        assertThat(frame.getText()).startsWith("frame " + tenth + " / ");
        assertThat(model.frameIndexProperty().get()).isEqualTo(10);
    }

    private static long foregroundPixels(FxRobot robot, Canvas canvas) {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = canvas.snapshot(null, null));
        PixelReader pixels = image[0].getPixelReader();
        int background = toArgb(SkeletonPainter.BACKGROUND);
        long n = 0;
        for (int y = 0; y < (int) image[0].getHeight(); y++) {
            for (int x = 0; x < (int) image[0].getWidth(); x++) {
                int argb = pixels.getArgb(x, y);
                if (argb != background && (argb >>> 24) != 0) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int toArgb(javafx.scene.paint.Color c) {
        return (int) Math.round(c.getOpacity() * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }
}
