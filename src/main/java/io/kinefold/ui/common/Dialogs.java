package io.kinefold.ui.common;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;

/** The dialogs every view shows the same way. */
public final class Dialogs {
    private Dialogs() {}

    /** The technical details of an error, on demand: a read-only, selectable text for a bug report. */
    public static void showDetails(Node from, String plain, String details) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle("Details");
        alert.setHeaderText(plain);
        TextArea text = new TextArea(details);
        text.setEditable(false);
        text.setWrapText(true);
        alert.getDialogPane().setContent(text);
        Scene scene = from.getScene();
        if (scene != null) {
            alert.initOwner(scene.getWindow());
        }
        alert.show();
    }
}
