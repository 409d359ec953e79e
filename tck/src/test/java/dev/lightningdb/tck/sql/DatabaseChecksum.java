package dev.lightningdb.tck.sql;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A checksum of everything a database holds that SQL can see: the list of tables (from
 * DatabaseMetaData) and every row of each, read through one prepared statement per table (so that
 * recomputing it is cheap). Two equal checksums mean nothing visible changed in between.
 */
final class DatabaseChecksum {
    private final Connection connection;
    private final Map<String, PreparedStatement> scans = new HashMap<>();

    DatabaseChecksum(Connection connection) {
        this.connection = connection;
    }

    String compute() throws SQLException {
        List<String> tables = new ArrayList<>();
        DatabaseMetaData md = connection.getMetaData();
        try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(quote(rs.getString("TABLE_SCHEM")) + "." + quote(rs.getString("TABLE_NAME")));
            }
        }
        tables.sort(null);
        long h = 1125899906842597L;
        StringBuilder summary = new StringBuilder();
        for (String table : tables) {
            PreparedStatement scan = scans.get(table);
            if (scan == null) {
                scan = connection.prepareStatement("SELECT * FROM " + table);
                scans.put(table, scan);
            }
            int rows = 0;
            try (ResultSet rs = scan.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                h = 31 * h + n;
                while (rs.next()) {
                    rows++;
                    for (int i = 1; i <= n; i++) {
                        String v = rs.getString(i);
                        h = 31 * h + (v == null ? 7 : v.hashCode());
                    }
                }
            }
            summary.append(table).append(':').append(rows).append(' ');
        }
        return summary.append('#').append(Long.toHexString(h)).toString();
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
