package dev.lightningdb.jdbc;

import dev.lightningdb.sql.result.SchemaMetadata;
import dev.lightningdb.sql.result.SchemaMetadata.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables one connection sees, each with its JDBC table type: the committed catalog's ({@code
 * TABLE}, or {@code GLOBAL TEMPORARY}) and the connection's own temporary tables ({@code LOCAL
 * TEMPORARY}, as H2 names them), one of which hides a permanent table of its name as it does in
 * the connection's statements.
 */
record SessionTables(SchemaMetadata metadata, Map<String, String> types) {
    static final String LOCAL_TEMPORARY = "LOCAL TEMPORARY";
    static final String GLOBAL_TEMPORARY = "GLOBAL TEMPORARY";
    static final String TABLE = "TABLE";

    static SessionTables of(SchemaMetadata shared, SchemaMetadata local, SchemaMetadata global) {
        Map<String, String> types = new HashMap<>();
        for (Table t : global.tables()) {
            types.put(key(t), GLOBAL_TEMPORARY);
        }
        if (local.tables().isEmpty()) {
            return new SessionTables(shared, types);
        }
        List<Table> tables = new ArrayList<>(local.tables());
        for (Table t : local.tables()) {
            types.put(key(t), LOCAL_TEMPORARY);
        }
        for (Table t : shared.tables()) {
            if (!LOCAL_TEMPORARY.equals(types.get(key(t)))) {
                tables.add(t);
            }
        }
        tables.sort(Comparator.comparing(Table::schema).thenComparing(Table::name));
        return new SessionTables(new SchemaMetadata(shared.schemas(), tables, shared.sequences()), types);
    }

    /** The JDBC table type of {@code t}. */
    String type(Table t) {
        return types.getOrDefault(key(t), TABLE);
    }

    private static String key(Table t) {
        return t.schema() + '\u0000' + t.name();
    }
}
