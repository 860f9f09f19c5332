package io.kinefold.ui;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Shows a view in the test's stage as the app shows it: with the app's stylesheet, at the size asked for. */
public final class TestWindows {
    private TestWindows() {}

    public static Scene show(Stage stage, Parent view, double width, double height) {
        Scene scene = new Scene(view, width, height);
        scene.getStylesheets().add(TestWindows.class.getResource("/io/kinefold/ui/kinefold.css").toExternalForm());
        stage.setScene(scene);
        // The test stage is shared: one an earlier test resized keeps that size unless told to fit the scene.
        stage.sizeToScene();
        stage.show();
        return scene;
    }
}
