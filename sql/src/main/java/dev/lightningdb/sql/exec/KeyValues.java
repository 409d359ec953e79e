package dev.lightningdb.sql.exec;

import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.codec.ByteWriter;
import dev.lightningdb.sql.codec.KeyCodec;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.SqlError;
import dev.lightningdb.sql.types.ValueCoercion;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;

/**
 * Builds primary keys from literal and parameter values, for statements that address rows by key
 * without Calcite (GET, SCAN, point SELECT/UPDATE/DELETE). A literal that no key value can equal
 * exactly (2.5 for an INTEGER key) yields no key, so the statement matches no row, as SQL's
 * comparison would.
 */
final class KeyValues {
    private KeyValues() {
    }

    /**
     * The internal value of {@code node} for a key column of {@code type}; null when a literal cannot
     * equal any value of the type, or the value is NULL (which equals nothing).
     */
    static Object exact(SqlNode node, ColumnType type, Object[] params) {
        Object v = Literals.value(node, params);
        if (v == null) {
            return null;
        }
        if (!(node instanceof SqlDynamicParam) && node instanceof SqlNumericLiteral && isIntegral(type) && !isWhole(v)) {
            return null; // 2.5 or 2.5e0 equals no integer: it must not be rounded to one
        }
        try {
            return ValueCoercion.toInternal(v, type);
        } catch (SqlError e) {
            if (e.sqlState().equals(SqlError.NUMERIC_OUT_OF_RANGE) || e.sqlState().equals(SqlError.DATA_TOO_LONG)) {
                return null; // beyond the column's range: no stored key can equal it
            }
            throw e;
        }
    }

    /** Whether a numeric literal's value is a whole number (an approximate one included: 2e0 is, 2.5e0 is not). */
    private static boolean isWhole(Object v) {
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().scale() <= 0;
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) && d == Math.rint(d);
        }
        return true;
    }

    private static boolean isIntegral(ColumnType t) {
        return switch (t.kind()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> true;
            default -> false;
        };
    }

    /** The key of the row whose primary key columns equal {@code values} (in key order); null if none can. */
    static byte[] fullKey(TableDef table, SqlNode[] values, Object[] params) {
        return prefix(table, List.of(values), params);
    }

    /** The encoded table prefix followed by the leading key columns given; null if a value can match nothing. */
    static byte[] prefix(TableDef table, List<SqlNode> values, Object[] params) {
        int[] pk = table.primaryKey();
        if (values.size() > pk.length) {
            throw new SqlError(SqlError.SYNTAX, "Table " + table.name().name() + " has " + pk.length + " primary key column(s), "
                    + values.size() + " values were given");
        }
        ByteWriter w = new ByteWriter(32);
        table.writeKeyPrefix(w);
        for (int i = 0; i < values.size(); i++) {
            ColumnType type = table.types()[pk[i]];
            Object v = exact(values.get(i), type, params);
            if (v == null) {
                return null;
            }
            KeyCodec.encode(w, v, type);
        }
        return w.toByteArray();
    }
}
