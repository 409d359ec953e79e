package dev.lightningdb.tck.liquibase;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a database holds, read through JDBC metadata and queries and written as text lines that do
 * not depend on the database, so that LightningDB can be compared with H2 and with itself at
 * another step: the application tables of PUBLIC with their columns (sorted by name), primary keys,
 * unique column sets, named indexes and foreign keys; the sequences; every row; and
 * DATABASECHANGELOG. Values that must differ between runs (the time of a row, the checksum Liquibase
 * wrote) are reduced to whether they are there.
 */
final class DatabaseObservations {
    private static final String SCHEMA = "PUBLIC";

    private final String url;
    private final List<String> lines = new ArrayList<>();

    DatabaseObservations(String url) {
        this.url = url;
    }

    List<String> lines() {
        return lines;
    }

    void note(String line) {
        lines.add(line);
    }

    /** The lines recorded under {@code step}, without the step's name. */
    List<String> linesOf(String step) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith(step + " | ")) {
                out.add(line.substring(step.length() + 3));
            }
        }
        return out;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }

    /** Schema, rows and change log, under {@code step}. */
    void everything(String step) throws SQLException {
        try (Connection c = connect()) {
            for (String table : applicationTables(c)) {
                schema(step, c, table);
                rows(step, c, table);
            }
            sequences(step, c);
            changeLog(step, c);
        }
    }

    /** The tables of PUBLIC but Liquibase's own, by name. */
    static List<String> applicationTables(Connection c) throws SQLException {
        TreeSet<String> names = new TreeSet<>();
        try (ResultSet rs = c.getMetaData().getTables(null, SCHEMA, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.startsWith("DATABASECHANGELOG")) {
                    names.add(name);
                }
            }
        }
        return new ArrayList<>(names);
    }

    private void schema(String step, Connection c, String table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String prefix = step + " | " + table;
        for (String column : columns(md, table).values()) {
            lines.add(prefix + " column " + column);
        }
        TreeMap<Short, String> pk = new TreeMap<>();
        try (ResultSet rs = md.getPrimaryKeys(null, SCHEMA, table)) {
            while (rs.next()) {
                pk.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        lines.add(prefix + " primary key " + pk.values());
        for (String index : indexes(md, table, List.copyOf(pk.values()))) {
            lines.add(prefix + " " + index);
        }
        TreeSet<String> keys = new TreeSet<>();
        try (ResultSet rs = md.getImportedKeys(null, SCHEMA, table)) {
            while (rs.next()) {
                keys.add("foreign key " + rs.getString("FK_NAME") + " (" + rs.getString("FKCOLUMN_NAME") + ") references "
                        + rs.getString("PKTABLE_NAME") + " (" + rs.getString("PKCOLUMN_NAME") + ")");
            }
        }
        for (String key : keys) {
            lines.add(prefix + " " + key);
        }
    }

    /** Each column: JDBC type (NUMERIC read as DECIMAL: H2 reports DECIMAL columns as NUMERIC), size, nullability, default. */
    private static Map<String, String> columns(DatabaseMetaData md, String table) throws SQLException {
        TreeMap<String, String> out = new TreeMap<>();
        try (ResultSet rs = md.getColumns(null, SCHEMA, table, "%")) {
            while (rs.next()) {
                String name = rs.getString("COLUMN_NAME");
                int type = rs.getInt("DATA_TYPE");
                type = type == Types.NUMERIC ? Types.DECIMAL : type;
                String size = switch (type) {
                    case Types.VARCHAR, Types.CHAR -> "(" + rs.getInt("COLUMN_SIZE") + ")";
                    case Types.DECIMAL -> "(" + rs.getInt("COLUMN_SIZE") + "," + rs.getInt("DECIMAL_DIGITS") + ")";
                    default -> "";
                };
                boolean nullable = rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable;
                String def = normalDefault(rs.getString("COLUMN_DEF"));
                boolean identity = "YES".equals(rs.getString("IS_AUTOINCREMENT"));
                out.put(name, name + " " + typeName(type) + size + (nullable ? "" : " not null")
                        + (identity ? " identity" : def == null ? "" : " default " + def.trim()));
            }
        }
        return out;
    }

    /**
     * A default as the same text on both databases: Liquibase writes CURRENT_TIMESTAMP as each
     * database's own function (LOCALTIMESTAMP on H2), and drops a default on H2 by setting it to
     * NULL, which H2 then reports, where LightningDB drops it (both insert NULL).
     */
    private static String normalDefault(String defaultSql) {
        if (defaultSql == null || defaultSql.equalsIgnoreCase("NULL")) {
            return null;
        }
        return defaultSql.equalsIgnoreCase("CURRENT_TIMESTAMP") || defaultSql.equalsIgnoreCase("LOCALTIMESTAMP")
                ? "<the current time>" : defaultSql;
    }

    private static String typeName(int type) {
        for (var f : Types.class.getFields()) {
            try {
                if (f.getInt(null) == type) {
                    return f.getName();
                }
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        return String.valueOf(type);
    }

    /**
     * Unique column sets other than the primary key (H2 and LightningDB name the index behind a
     * unique constraint differently), and the indexes the change logs name {@code IX_...}.
     */
    private static List<String> indexes(DatabaseMetaData md, String table, List<String> pk) throws SQLException {
        TreeMap<String, List<String>> columns = new TreeMap<>();
        TreeMap<String, Boolean> unique = new TreeMap<>();
        try (ResultSet rs = md.getIndexInfo(null, SCHEMA, table, false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if (name == null) {
                    continue;
                }
                columns.computeIfAbsent(name, n -> new ArrayList<>()).add(rs.getString("COLUMN_NAME"));
                unique.put(name, !rs.getBoolean("NON_UNIQUE"));
            }
        }
        TreeSet<String> out = new TreeSet<>();
        for (var e : columns.entrySet()) {
            if (e.getKey().startsWith("IX_")) {
                out.add("index " + e.getKey() + " " + e.getValue() + (unique.get(e.getKey()) ? " unique" : ""));
            } else if (unique.get(e.getKey()) && !e.getValue().equals(pk)) {
                out.add("unique " + e.getValue());
            }
        }
        return new ArrayList<>(out);
    }

    private void rows(String step, Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                TreeMap<String, String> row = new TreeMap<>();
                for (int i = 1; i <= n; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), text(rs.getObject(i)));
                }
                lines.add(step + " | " + table + " row " + row);
            }
        }
    }

    private static String text(Object v) {
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Timestamp) {
            return "<a time>"; // CURRENT_TIMESTAMP when the row was written
        }
        return String.valueOf(v);
    }

    private void sequences(String step, Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT SEQUENCE_NAME, INCREMENT FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = 'PUBLIC' ORDER BY 1")) {
            while (rs.next()) {
                lines.add(step + " | sequence " + rs.getString(1) + " increment " + rs.getLong(2));
            }
        }
    }

    /** Liquibase's history: who ran what, in order, how, and the tags. */
    private void changeLog(String step, Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT ID, AUTHOR, FILENAME, EXECTYPE, TAG, MD5SUM, DATEEXECUTED FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED")) {
            while (rs.next()) {
                lines.add(step + " | ran " + rs.getString(1) + " by " + rs.getString(2) + " from " + rs.getString(3) + " "
                        + rs.getString(4) + " tag " + rs.getString(5) + (rs.getString(6) == null ? " no checksum" : "")
                        + (rs.getTimestamp(7) == null ? " no date" : ""));
            }
        }
    }
}
