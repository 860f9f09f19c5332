package io.kinefold.ui;

import io.kinefold.AppInfo;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The workbench window. For now a placeholder that names the dataset it will open. */
public final class WorkbenchApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Label title = new Label(AppInfo.NAME + " " + AppInfo.version());
        title.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        Label body = new Label("The workbench views come next. Dataset: " + AppInfo.BUNDLED_DATASET
                + "\nUse the command line meanwhile: java -jar target/kinefold.jar --help");
        VBox root = new VBox(12, title, body);
        root.setPadding(new Insets(24));
        stage.setTitle(AppInfo.NAME);
        stage.setScene(new Scene(root, 640, 360));
        stage.show();
    }
}
