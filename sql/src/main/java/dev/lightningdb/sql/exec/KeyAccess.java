package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.catalog.ColumnDef;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.QueryResult;
import dev.lightningdb.sql.result.ResultColumn;
import dev.lightningdb.sql.result.SqlError;
import dev.lightningdb.sql.storage.TableRows;
import dev.lightningdb.sql.types.ValueCoercion;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlNode;

/** Statements that address rows by primary key directly: point SELECTs, GET and SCAN. */
final class KeyAccess {
    private KeyAccess() {
    }

    static List<ResultColumn> allColumns(TableDef t) {
        List<ResultColumn> out = new ArrayList<>();
        for (ColumnDef c : t.columns()) {
            out.add(new ResultColumn(c.name(), c.name(), t.name().schema(), t.name().name(), c.type(), c.nullable()));
        }
        return out;
    }

    static List<ResultColumn> columns(PointLookup p) {
        List<ResultColumn> out = new ArrayList<>();
        TableDef t = p.table();
        for (int i = 0; i < p.projection().length; i++) {
            ColumnDef c = t.column(p.projection()[i]);
            out.add(new ResultColumn(p.labels().get(i), c.name(), t.name().schema(), t.name().name(), c.type(), c.nullable()));
        }
        return out;
    }

    /** Runs a point SELECT: at most one row, read with one key lookup. */
    static QueryResult lookup(StatementContext cx, PointLookup p, Object[] params) {
        TransactionScopes.ReadScope scope = cx.scopes().read(true);
        try {
            List<Object[]> rows = new ArrayList<>(1);
            byte[] key = KeyValues.fullKey(p.table(), p.keyValues(), params);
            byte[] value = key == null ? null : scope.transaction().get(key);
            if (value != null) {
                Object[] row = new TableRows(p.table()).decode(key, value);
                Object[] out = new Object[p.projection().length];
                for (int i = 0; i < out.length; i++) {
                    int c = p.projection()[i];
                    out[i] = ValueCoercion.toExternal(row[c], p.table().types()[c]);
                }
                rows.add(out);
            }
            return QueryResult.of(columns(p), rows);
        } finally {
            scope.onClose().run();
        }
    }

    /** {@code GET FROM t WHERE k = v AND ...}: the key columns must be exactly the primary key. */
    static QueryResult get(StatementContext cx, Statement.Get get, Object[] params) {
        TableDef t = cx.catalog().require(get.table());
        int[] pk = t.primaryKey();
        SqlNode[] values = new SqlNode[pk.length];
        for (int i = 0; i < get.keyColumns().size(); i++) {
            int column = t.requireColumn(get.keyColumns().get(i));
            int slot = -1;
            for (int k = 0; k < pk.length; k++) {
                if (pk[k] == column) {
                    slot = k;
                }
            }
            if (slot < 0 || values[slot] != null || !Literals.isSimple(get.valueAt(i))) {
                throw keyColumnsNeeded(t);
            }
            values[slot] = get.valueAt(i);
        }
        for (SqlNode v : values) {
            if (v == null) {
                throw keyColumnsNeeded(t);
            }
        }
        int[] all = new int[t.columns().size()];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
            labels.add(t.column(i).name());
        }
        return lookup(cx, new PointLookup(t, values, all, labels), params);
    }

    private static SqlError keyColumnsNeeded(TableDef t) {
        StringBuilder names = new StringBuilder();
        for (int k : t.primaryKey()) {
            names.append(names.length() == 0 ? "" : ", ").append(t.column(k).name());
        }
        return new SqlError(SqlError.SYNTAX, "GET needs one equality with a constant or ? for each primary key column of "
                + t.name().name() + ": " + names);
    }

    /** {@code SCAN t [FROM k1] [TO k2] [LIMIT n] [REVERSE]}: rows with k1 <= key < k2, streamed in key order. */
    static QueryResult scan(StatementContext cx, Statement.Scan scan, Object[] params) {
        TableDef t = cx.catalog().require(scan.table());
        byte[] tablePrefix = t.keyPrefix();
        byte[] lower = tablePrefix;
        byte[] upper = KeyRange.prefixEnd(tablePrefix);
        boolean empty = false;
        if (scan.from() != null) {
            lower = checkedPrefix(t, scan.from(), params);
            empty = lower == null;
        }
        if (scan.to() != null) {
            upper = checkedPrefix(t, scan.to(), params);
            empty |= upper == null;
        }
        long limit = scan.limit() == null ? Long.MAX_VALUE : limit(scan.limit(), params);
        List<ResultColumn> columns = allColumns(t);
        if (empty || limit == 0) {
            return QueryResult.of(columns, List.of());
        }
        TransactionScopes.ReadScope scope = cx.scopes().read(true);
        try {
            scope.tables().add(t.id());
            Cursor cursor = scope.transaction().scan(KeyRange.between(lower, upper), scan.reverse());
            TableRows rows = new TableRows(t);
            long[] left = {limit};
            return QueryResult.of(columns, new QueryResult.RowSource() {
                @Override
                public Object[] next() {
                    if (left[0]-- <= 0 || !cursor.next()) {
                        return null;
                    }
                    Object[] row = rows.decode(cursor.key(), cursor.value());
                    for (int i = 0; i < row.length; i++) {
                        row[i] = ValueCoercion.toExternal(row[i], t.types()[i]);
                    }
                    return row;
                }

                @Override
                public void close() {
                    cursor.close();
                }
            }, scope.onClose());
        } catch (RuntimeException e) {
            scope.onClose().run();
            throw e;
        }
    }

    private static byte[] checkedPrefix(TableDef t, List<SqlNode> values, Object[] params) {
        for (SqlNode v : values) {
            if (!Literals.isSimple(v)) {
                throw new SqlError(SqlError.SYNTAX, "SCAN bounds must be constants or ?");
            }
        }
        return KeyValues.prefix(t, values, params);
    }

    private static long limit(SqlNode node, Object[] params) {
        if (!Literals.isSimple(node)) {
            throw new SqlError(SqlError.SYNTAX, "SCAN LIMIT must be a constant or ?");
        }
        Object v = ValueCoercion.toInternal(Literals.value(node, params), ColumnType.of(ColumnType.Kind.BIGINT));
        if (v == null || (Long) v < 0) {
            throw new SqlError("2201W", "SCAN LIMIT must be zero or more, got " + v);
        }
        return (Long) v;
    }
}
