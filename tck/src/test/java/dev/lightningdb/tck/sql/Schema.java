package dev.lightningdb.tck.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A generated schema: tables with typed columns, a primary key, and the rows to load; and views over them. */
record Schema(List<Table> tables, List<ViewGenerator.View> views) {
    Schema(List<Table> tables) {
        this(tables, List.of());
    }

    record Column(String name, SqlType type, int length, int precision, int scale, boolean notNull) {
        String ddlType() {
            return switch (type) {
                case VARCHAR -> "VARCHAR(" + length + ")";
                case DECIMAL -> "DECIMAL(" + precision + "," + scale + ")";
                default -> type.name();
            };
        }

        /** The largest absolute value this column holds (numbers only). */
        double bound() {
            return switch (type) {
                case INTEGER -> SchemaGenerator.MAX_INT;
                case BIGINT -> SchemaGenerator.MAX_BIGINT;
                case DECIMAL -> Math.pow(10, precision - scale);
                case DOUBLE -> SchemaGenerator.MAX_DOUBLE;
                default -> 0;
            };
        }
    }

    record Table(String name, List<Column> columns, List<Column> key, List<List<String>> rows) {
        String createStatement() {
            List<String> parts = new ArrayList<>();
            for (Column c : columns) {
                parts.add(c.name() + " " + c.ddlType() + (c.notNull() && !key.contains(c) ? " NOT NULL" : ""));
            }
            if (!key.isEmpty()) { // no key: a table without a primary key (NoPrimaryKeyTables)
                parts.add("PRIMARY KEY (" + key.stream().map(Column::name).collect(Collectors.joining(", ")) + ")");
            }
            return "CREATE TABLE " + name + " (" + String.join(", ", parts) + ")";
        }

        /** INSERT statements loading {@link #rows}, a few rows each. */
        List<String> insertStatements() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < rows.size(); i += 5) {
                StringBuilder sb = new StringBuilder("INSERT INTO ").append(name).append(" VALUES ");
                for (int j = i; j < Math.min(rows.size(), i + 5); j++) {
                    sb.append(j > i ? ", " : "").append('(').append(String.join(", ", rows.get(j))).append(')');
                }
                out.add(sb.toString());
            }
            return out;
        }

        boolean isKey(Column c) {
            return key.contains(c);
        }
    }

    /** Every statement that creates and loads the schema, in order. */
    List<String> setupStatements() {
        List<String> out = new ArrayList<>();
        for (Table t : tables) {
            out.add(t.createStatement());
            out.addAll(t.insertStatements());
        }
        views.forEach(v -> out.add(v.createStatement()));
        return out;
    }

    int maxRows() {
        return tables.stream().mapToInt(t -> t.rows().size()).max().orElse(0);
    }
}
