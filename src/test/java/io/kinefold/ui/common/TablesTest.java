package io.kinefold.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class TablesTest {
    record Row(String name, int count) {}

    private final Row a = new Row("a", 3);
    private final Row b = new Row("b", 1);
    private final ObservableList<Row> rows = FXCollections.observableArrayList(a, b);
    private TableView<Row> table;
    private TableColumn<Row, Integer> counts;

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        counts = new TableColumn<>("Count");
        table.getColumns().add(counts);
    }

    @Test
    void aColumnShowsWhatItsFunctionReadsFromTheRow() {
        Tables.column(counts, Row::count);
        table.setItems(rows);

        assertThat(counts.getCellData(a)).isEqualTo(3);
        assertThat(counts.getCellData(1)).isEqualTo(1);
    }

    @Test
    void aSortableTableOrdersItsItemsByTheHeadersAndLeavesTheRowsAlone() {
        Tables.column(counts, Row::count);
        Tables.sortable(table, rows);

        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> table.getSortOrder().add(counts));

        assertThat(table.getItems()).containsExactly(b, a);
        assertThat(rows).containsExactly(a, b);
        rows.add(new Row("c", 2));
        assertThat(table.getItems()).extracting(Row::count).isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Test
    void numberColumnsGetTheStyleClassThatRightAlignsThem() {
        TableColumn<Row, String> names = new TableColumn<>("Name");

        Tables.numbers(counts);

        assertThat(counts.getStyleClass()).contains(Tables.NUMBER);
        assertThat(names.getStyleClass()).doesNotContain(Tables.NUMBER);
    }

    @Test
    void selectChangesTheSelectionOnlyWhenItDiffersAndClearsItForNull() {
        table.setItems(rows);

        List<Boolean> changed = List.of(Tables.select(table, b), Tables.select(table, b), Tables.select(table, null),
                Tables.select(table, null));

        assertThat(changed).containsExactly(true, false, true, false);
        assertThat(table.getSelectionModel().getSelectedItem()).isNull();
        Tables.select(table, a);
        assertThat(table.getSelectionModel().getSelectedItem()).isEqualTo(a);
    }
}
