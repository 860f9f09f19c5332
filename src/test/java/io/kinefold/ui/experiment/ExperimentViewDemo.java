package io.kinefold.ui.experiment;

import io.kinefold.AppInfo;
import io.kinefold.data.DatasetLoader;
import io.kinefold.ui.common.AppContext;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Shows the view on the bundled dataset in a window, to look at it; not a test. With
 * {@code -Ddemo.units=0} that text goes into the selected model's first grid field after a moment.
 */
public final class ExperimentViewDemo {
    public static void main(String[] args) {
        // Through a class that is not the Application: the launcher refuses one on the class path.
        Application.launch(Window.class, args);
    }

    public static final class Window extends Application {
    @Override
    public void start(Stage stage) throws Exception {
        AppContext context = new AppContext(Files.createTempDirectory("kinefold-demo").resolve("t.db"));
        ExperimentViewModel model = ExperimentViewModel.forApp(context);
        Scene scene = new Scene(ExperimentView.create(model), 1200, 780);
        scene.getStylesheets().add(getClass().getResource("/io/kinefold/ui/kinefold.css").toExternalForm());
        stage.setTitle("Experiment view");
        stage.setScene(scene);
        stage.show();
        context.datasetProperty().set(DatasetLoader.load(Path.of(AppInfo.BUNDLED_DATASET)));
        String units = System.getProperty("demo.units");
        String select = System.getProperty("demo.select");
        PauseTransition later = new PauseTransition(Duration.seconds(2));
        later.setOnFinished(e -> {
            if (select != null) {
                model.models().stream().filter(m -> m.title().equals(select)).findFirst()
                        .ifPresent(m -> model.selectedProperty().set(m));
            }
            if (units != null) {
                model.selectedProperty().get().fields().get(1).textProperty().set(units);
            }
        });
        later.play();
    }
}
}
