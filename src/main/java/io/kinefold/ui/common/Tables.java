package io.kinefold.ui.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The table set-up the views share. Their rows are records, so a column reads an accessor rather
 * than a property: {@code PropertyValueFactory} would find it by name through reflection and
 * show an empty column, silently, after a rename.
 */
public final class Tables {
    /** The style class (see {@code kinefold.css}) that right-aligns a column of figures. */
    public static final String NUMBER = "number";

    private Tables() {}

    /** Fills {@code column} with what {@code value} reads from each row. */
    public static <R, T> void column(TableColumn<R, T> column, Function<R, T> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    /** Right-aligns columns of figures. */
    public static void numbers(TableColumn<?, ?>... columns) {
        for (TableColumn<?, ?> column : columns) {
            column.getStyleClass().add(NUMBER);
        }
    }

    /**
     * Shows {@code rows} in the order the user picks by clicking the headers; the rows themselves
     * keep their order.
     */
    public static <R> void sortable(TableView<R> table, ObservableList<R> rows) {
        SortedList<R> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
    }

    /**
     * Makes {@code row} the table's selection, or clears it for null, unless it is so already, so
     * that a view model's selection and the table's can follow each other without a loop.
     *
     * @return whether the selection changed
     */
    public static <R> boolean select(TableView<R> table, R row) {
        if (table.getSelectionModel().getSelectedItem() == row) {
            return false;
        }
        if (row == null) {
            table.getSelectionModel().clearSelection();
        } else {
            table.getSelectionModel().select(row);
        }
        return true;
    }
}
