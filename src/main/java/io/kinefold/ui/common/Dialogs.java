package io.kinefold.ui.common;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;

/** The dialogs every view shows the same way, and when a view may show one. */
public final class Dialogs {
    private Dialogs() {}

    /**
     * Whether the node is on screen: it and every parent visible. A tab that is not in front
     * hides its content, so a shortcut registered on the scene asks this before it acts.
     */
    public static boolean isShowing(Node node) {
        if (node.getScene() == null) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

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
