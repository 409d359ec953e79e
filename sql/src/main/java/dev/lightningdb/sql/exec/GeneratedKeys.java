package dev.lightningdb.sql.exec;

import dev.lightningdb.sql.catalog.ColumnDef;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.result.KeyRequest;
import dev.lightningdb.sql.result.QueryResult;
import dev.lightningdb.sql.result.ResultColumn;
import dev.lightningdb.sql.result.SqlError;
import dev.lightningdb.sql.types.ValueCoercion;
import java.util.ArrayList;
import java.util.List;

/** Builds the generated-keys result of an INSERT from the rows it wrote, as a {@link KeyRequest} asks. */
final class GeneratedKeys {
    private GeneratedKeys() {
    }

    /**
     * @param written the final rows the INSERT wrote (internal values), in order
     * @param generated for each written row, whether the INSERT generated its identity value
     * @return the keys, or null when the request asks for identity values and none was generated
     */
    static QueryResult of(TableDef table, KeyRequest request, List<Object[]> written, List<Boolean> generated) {
        int[] columns = columns(table, request);
        if (columns == null) {
            return null;
        }
        List<ResultColumn> out = new ArrayList<>();
        for (int c : columns) {
            ColumnDef def = table.column(c);
            out.add(new ResultColumn(def.name(), def.name(), table.name().schema(), table.name().name(), table.types()[c],
                    def.nullable()));
        }
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < written.size(); r++) {
            if (request.identity() && !generated.get(r)) {
                continue;
            }
            Object[] row = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                row[i] = ValueCoercion.toExternal(written.get(r)[columns[i]], table.types()[columns[i]]);
            }
            rows.add(row);
        }
        if (request.identity() && rows.isEmpty()) {
            return null;
        }
        return QueryResult.of(out, rows);
    }

    /** The table positions the request names, checked; null for an identity request on a table without one. */
    static int[] columns(TableDef table, KeyRequest request) {
        if (request.identity()) {
            // without an identity column, a table without a primary key returns its new rows' hidden ids (as SQLite's rowid)
            return table.identity() != null ? new int[] {table.identity().column()} : table.hasRowId() ? new int[] {0} : null;
        }
        if (request.indexes() != null) {
            int first = table.firstDeclaredColumn(); // indexes count the declared columns
            int[] out = new int[request.indexes().length];
            for (int i = 0; i < out.length; i++) {
                int index = request.indexes()[i];
                if (index < 1 || index > table.columns().size() - first) {
                    throw new SqlError(SqlError.UNKNOWN_COLUMN, "Generated key column index " + index + " is out of range 1.."
                            + (table.columns().size() - first) + " for table " + table.name());
                }
                out[i] = index - 1 + first;
            }
            return out;
        }
        int[] out = new int[request.names().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = find(table, request.names().get(i));
        }
        return out;
    }

    private static int find(TableDef table, String name) {
        if (name == null) {
            throw new SqlError(SqlError.UNKNOWN_COLUMN, "Generated key column name must not be null");
        }
        if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
            int quoted = table.columnIndex(name.substring(1, name.length() - 1)); // a quoted name matches exactly
            if (quoted >= 0) {
                return quoted;
            }
            throw new SqlError(SqlError.UNKNOWN_COLUMN, "Generated key column " + name + " not found in table " + table.name());
        }
        int exact = table.columnIndex(name);
        if (exact >= 0) {
            return exact;
        }
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.column(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new SqlError(SqlError.UNKNOWN_COLUMN, "Generated key column '" + name + "' not found in table " + table.name());
    }
}
