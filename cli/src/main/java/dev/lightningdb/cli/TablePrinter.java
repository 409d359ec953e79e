package dev.lightningdb.cli;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Prints a result set as a text table, at most {@code maxRows} rows, with a row count. */
final class TablePrinter {
    private static final int MAX_WIDTH = 60;

    private TablePrinter() {
    }

    static void print(ResultSet rs, PrintStream out, int maxRows) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String[]> rows = new ArrayList<>();
        int[] width = new int[n];
        String[] header = new String[n];
        for (int i = 0; i < n; i++) {
            header[i] = md.getColumnLabel(i + 1);
            width[i] = header[i].length();
        }
        int total = 0;
        while (rs.next()) {
            total++;
            if (rows.size() >= maxRows) {
                continue;
            }
            String[] row = new String[n];
            for (int i = 0; i < n; i++) {
                String v = rs.getString(i + 1);
                // a single column (EXPLAIN, VERIFY) is shown whole; in wider tables long cells are cut
                v = v == null ? "NULL" : n > 1 && v.length() > MAX_WIDTH ? v.substring(0, MAX_WIDTH - 3) + "..." : v;
                row[i] = v;
                width[i] = Math.max(width[i], v.length());
            }
            rows.add(row);
        }
        String rule = rule(width);
        out.println(rule);
        out.println(line(header, width));
        out.println(rule);
        for (String[] row : rows) {
            out.println(line(row, width));
        }
        out.println(rule);
        out.println(total + (total == 1 ? " row" : " rows") + (total > rows.size() ? " (" + rows.size() + " shown)" : ""));
    }

    private static String rule(int[] width) {
        StringBuilder sb = new StringBuilder("+");
        for (int w : width) {
            sb.append("-".repeat(w + 2)).append('+');
        }
        return sb.toString();
    }

    private static String line(String[] cells, int[] width) {
        StringBuilder sb = new StringBuilder("|");
        for (int i = 0; i < cells.length; i++) {
            sb.append(' ').append(cells[i]).append(" ".repeat(width[i] - cells[i].length())).append(" |");
        }
        return sb.toString();
    }
}
