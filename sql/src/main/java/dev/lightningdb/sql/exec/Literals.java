package dev.lightningdb.sql.exec;

import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.sql.SqlBinaryStringLiteral;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDateLiteral;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlTimeLiteral;
import org.apache.calcite.sql.SqlTimestampLiteral;
import org.apache.calcite.util.BitString;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Values of literal and parameter expressions without Calcite's planner: the fast path for
 * {@code INSERT ... VALUES} with constants and {@code ?}s.
 */
final class Literals {
    private Literals() {
    }

    /** Whether {@link #value} can evaluate {@code node}. */
    static boolean isSimple(SqlNode node) {
        return node instanceof SqlDynamicParam
                || (node instanceof SqlLiteral l && (l instanceof SqlNumericLiteral || l instanceof SqlCharStringLiteral
                || l instanceof SqlBinaryStringLiteral || l instanceof SqlDateLiteral || l instanceof SqlTimeLiteral
                || l instanceof SqlTimestampLiteral || l.getTypeName() == org.apache.calcite.sql.type.SqlTypeName.NULL || l.getValue() instanceof Boolean));
    }

    /** Whether every value of every row is {@link #isSimple}. */
    static boolean allSimple(List<List<SqlNode>> rows) {
        for (List<SqlNode> row : rows) { // a loop, not a stream: every single-row INSERT asks
            for (SqlNode node : row) {
                if (!isSimple(node)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The value of a simple node: a literal's value, or the parameter's (external) value. */
    static Object value(SqlNode node, Object[] parameters) {
        if (node instanceof SqlDynamicParam p) {
            return parameters[p.getIndex()];
        }
        SqlLiteral l = (SqlLiteral) node;
        if (l.getTypeName() == org.apache.calcite.sql.type.SqlTypeName.NULL) {
            return null;
        }
        if (l instanceof SqlNumericLiteral n) {
            BigDecimal d = n.getValueAs(BigDecimal.class);
            if (!n.isExact()) {
                return d.doubleValue();
            }
            return d;
        }
        if (l instanceof SqlCharStringLiteral) {
            return l.getValueAs(String.class);
        }
        if (l instanceof SqlBinaryStringLiteral) {
            return ((BitString) l.getValue()).getAsByteArray();
        }
        if (l instanceof SqlDateLiteral) {
            return l.getValueAs(DateString.class);
        }
        if (l instanceof SqlTimeLiteral) {
            return l.getValueAs(TimeString.class);
        }
        if (l instanceof SqlTimestampLiteral) {
            return l.getValueAs(TimestampString.class);
        }
        return l.getValue();
    }
}
