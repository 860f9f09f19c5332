package io.kinefold.ui.results;

import java.util.Locale;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

/** The confusion matrix of the selected grid point, drawn as a shaded grid of labels. */
final class ConfusionView {
    private final Label confusionTitle;
    private final GridPane confusionGrid;
    private final Label confusionNote;

    ConfusionView(Label confusionTitle, GridPane confusionGrid, Label confusionNote) {
        this.confusionTitle = confusionTitle;
        this.confusionGrid = confusionGrid;
        this.confusionNote = confusionNote;
    }

    /** Rows are actual classes, columns predicted ones; each cell shades with its share of the row. */
    void showConfusion(ConfusionMatrix matrix) {
        confusionGrid.getChildren().clear();
        if (matrix == null) {
            confusionTitle.setText("Confusion matrix");
            confusionNote.setText("Select a grid point to see its confusion matrix.");
            return;
        }
        confusionTitle.setText("Confusion matrix of " + matrix.title());
        Label corner = cell("actual ↓   predicted →", "confusion-corner");
        confusionGrid.add(corner, 0, 0);
        for (int j = 0; j < matrix.size(); j++) {
            confusionGrid.add(cell(matrix.className(j), "confusion-header"), j + 1, 0);
        }
        confusionGrid.add(cell("Samples", "confusion-header"), matrix.size() + 1, 0);
        for (int i = 0; i < matrix.size(); i++) {
            Label rowHeader = cell(matrix.className(i), "confusion-header");
            rowHeader.setAlignment(Pos.CENTER_LEFT);
            confusionGrid.add(rowHeader, 0, i + 1);
            for (int j = 0; j < matrix.size(); j++) {
                double share = matrix.rowShare(i, j);
                String percent = matrix.percentText(i, j);
                Label c = cell(matrix.count(i, j) + "\n" + percent, i == j ? "confusion-diagonal" : "confusion-off");
                c.getStyleClass().add("confusion-cell");
                if (Double.isFinite(share) && share > 0) {
                    // A heat map: the stronger the share of the row, the stronger the tint.
                    String rgb = i == j ? "22, 163, 74" : "220, 38, 38";
                    c.setStyle(String.format(Locale.ROOT, "-fx-background-color: rgba(%s, %.2f);", rgb,
                            0.08 + 0.5 * share));
                }
                c.setTooltip(new Tooltip(matrix.count(i, j) + " samples of " + matrix.className(i) + " predicted as "
                        + matrix.className(j) + " (" + percent + " of " + matrix.className(i) + ")"));
                confusionGrid.add(c, j + 1, i + 1);
            }
            confusionGrid.add(cell(Integer.toString(matrix.rowTotal(i)), "confusion-total"), matrix.size() + 1, i + 1);
        }
        for (var node : confusionGrid.getChildren()) {
            GridPane.setHalignment(node, HPos.CENTER);
        }
        confusionNote.setText(matrix.total() + " test samples, summed over the folds; percentages are of each actual "
                + "class (row), the diagonal (green) is what was predicted right.");
    }

    private static Label cell(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        label.setAlignment(Pos.CENTER);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMaxHeight(Double.MAX_VALUE);
        return label;
    }
}
