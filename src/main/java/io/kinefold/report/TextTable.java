package io.kinefold.report;

import java.util.List;

/**
 * A table the human formats share, its cells unescaped and already formatted, so that HTML,
 * Markdown and LaTeX show the same figures and each only escapes and lays them out.
 *
 * @param header the column labels
 * @param rows the cells of each row, as many as the header has labels
 * @param textColumns how many leading columns hold text (aligned left); the rest hold numbers
 */
record TextTable(List<String> header, List<List<String>> rows, int textColumns) {
    TextTable {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("a row of " + row.size() + " cells under " + header.size() + " labels");
            }
        }
    }
}
