package org.resultsdesk.core.announce;

import java.util.ArrayList;
import java.util.List;

/** Lays out a small table as monospaced lines: the first column left-aligned, the others right-aligned. */
public final class TextTable {
    private TextTable() {}

    public static List<String> lines(List<List<String>> rows) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String padding = " ".repeat(widths[i] - cell.length());
                line.append(i == 0 ? cell + padding : "  " + padding + cell);
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
