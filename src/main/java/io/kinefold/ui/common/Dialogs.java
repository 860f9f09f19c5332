package io.kinefold.ui.common;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
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

    /**
     * Asks before something that cannot be undone (deleting a run, replacing a file). The safe
     * choice is the default button, so Return or Esc keeps things as they are; only a click or
     * the action's own mnemonic does it.
     *
     * @param action what the action button says, e.g. {@code Delete run 12}
     * @param safe what the safe button says, e.g. {@code Keep it}
     * @return whether the user chose the action
     */
    public static boolean confirm(Node from, String header, String text, String action, String safe) {
        Alert alert = destructiveQuestion(header, text, action, safe);
        Scene scene = from == null ? null : from.getScene();
        if (scene != null) {
            alert.initOwner(scene.getWindow());
        }
        return alert.showAndWait().map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).orElse(false);
    }

    /** The alert {@link #confirm} shows, its safe button the default. */
    static Alert destructiveQuestion(String header, String text, String action, String safe) {
        ButtonType doIt = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(safe, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, doIt, keep);
        alert.setTitle(header);
        alert.setHeaderText(header);
        ((Button) alert.getDialogPane().lookupButton(doIt)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        return alert;
    }
}
