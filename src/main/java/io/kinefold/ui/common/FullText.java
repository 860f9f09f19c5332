package io.kinefold.ui.common;

import javafx.scene.control.Labeled;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;

/**
 * A one-line status that the window's width may cut: cut with an ellipsis at the end, and the
 * whole text in its tooltip, so that a verdict is never lost mid-sentence at 1280 pixels.
 */
public final class FullText {
    private FullText() {}

    /** Elides the labeled's text at the end and keeps the whole of it in a wrapping tooltip. */
    public static void inTooltip(Labeled labeled) {
        labeled.setTextOverrun(OverrunStyle.ELLIPSIS);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(labeled.textProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(640);
        labeled.setTooltip(whole);
    }
}
