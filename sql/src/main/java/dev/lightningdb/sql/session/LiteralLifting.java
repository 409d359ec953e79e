package dev.lightningdb.sql.session;

import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.types.ValueCoercion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Queries that differ only in the constants they compare columns with ({@code c1 = 5} and
 * {@code c1 = 6}) share one plan: each such literal becomes a parameter, the plan is cached under the
 * text with those literals cut out, and every execution passes the literals as parameter values.
 * Planning a new text costs milliseconds; a shared plan, none. Invariants:
 * <ol>
 *   <li>Only a numeric or string literal compared with a bare column ({@code =, <>, <, <=, >, >=},
 *       {@code BETWEEN}) is lifted: Calcite then types the parameter as that column.
 *   <li>A lifted plan runs only when every literal converts to its parameter's type exactly (5 to an
 *       INTEGER column, 'ab' to a VARCHAR(10)); otherwise ({@code c1 = 1.5} on an INTEGER) the statement
 *       is planned with its literals, as written, so the result never depends on the lifting.
 *   <li>Lifted parameters are numbered after the statement's own, in a walk both of {@link #find} and
 *       {@link #lift} make in the same order over structurally equal trees.
 * </ol>
 */
final class LiteralLifting {
    private static final Set<SqlKind> COMPARISONS = EnumSet.of(SqlKind.EQUALS, SqlKind.NOT_EQUALS, SqlKind.LESS_THAN,
            SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL);

    /** The key of the shared plan and the literals lifted out of one statement text, in walk order. */
    record Lifted(String key, List<SqlLiteral> literals, int firstIndex) {
        /**
         * The literals as internal values of their parameters' types (the statement's own parameters come
         * first in {@code types}), or null if one does not convert exactly (invariant 2).
         */
        Object[] values(List<ColumnType> types) {
            Object[] out = new Object[literals.size()];
            for (int i = 0; i < out.length; i++) {
                int index = firstIndex + i;
                if (index >= types.size()) {
                    return null;
                }
                Object v = exact(literals.get(i), types.get(index));
                if (v == null) {
                    return null;
                }
                out[i] = v;
            }
            return out;
        }
    }

    private LiteralLifting() {
    }

    /** The literals of {@code query} (parsed from {@code sql}, not modified) that can be lifted, or null if none. */
    static Lifted find(String sql, SqlNode query, int parameterCount) {
        List<SqlLiteral> found = new ArrayList<>();
        walk(query, (call, i) -> found.add((SqlLiteral) call.operand(i)));
        if (found.isEmpty() || !isBmp(sql)) {
            return null;
        }
        int[] lineStarts = lineStarts(sql);
        StringBuilder key = new StringBuilder(sql.length());
        int done = 0;
        for (SqlLiteral l : found) {
            SqlParserPos p = l.getParserPosition();
            if (p.getLineNum() < 1 || p.getEndLineNum() > lineStarts.length) {
                return null;
            }
            int start = lineStarts[p.getLineNum() - 1] + p.getColumnNum() - 1;
            int end = lineStarts[p.getEndLineNum() - 1] + p.getEndColumnNum(); // exclusive
            if (start < done || end > sql.length() || start >= end || !spans(sql.substring(start, end), l)) {
                return null; // positions not as expected: no lifting, rather than a wrong key
            }
            key.append(sql, done, start).append('?');
            done = end;
        }
        key.append(sql, done, sql.length());
        return new Lifted(key.toString(), List.copyOf(found), parameterCount);
    }

    /** {@code freshQuery}, parsed from the same text as {@link #find}'s, with the literals replaced by parameters. */
    static SqlNode lift(SqlNode freshQuery, Lifted lifted) {
        int[] next = {lifted.firstIndex()};
        walk(freshQuery, (call, i) -> call.setOperand(i, new SqlDynamicParam(next[0]++, call.operand(i).getParserPosition())));
        if (next[0] - lifted.firstIndex() != lifted.literals().size()) {
            throw new IllegalStateException("lifting found " + (next[0] - lifted.firstIndex()) + " literals, expected "
                    + lifted.literals().size());
        }
        return freshQuery;
    }

    private interface Visitor {
        void liftable(SqlBasicCall call, int operand);
    }

    /** Depth first, operands in order: the liftable literal operands of comparisons with a column (invariant 1). */
    private static void walk(SqlNode node, Visitor visitor) {
        if (node instanceof SqlNodeList list) {
            for (SqlNode n : list) {
                walk(n, visitor);
            }
            return;
        }
        if (!(node instanceof SqlCall call)) {
            return;
        }
        if (call instanceof SqlBasicCall basic && basic.operandCount() == 2 && COMPARISONS.contains(basic.getKind())) {
            if (basic.operand(0) instanceof SqlIdentifier && liftable(basic.operand(1))) {
                visitor.liftable(basic, 1);
                return;
            }
            if (basic.operand(1) instanceof SqlIdentifier && liftable(basic.operand(0))) {
                visitor.liftable(basic, 0);
                return;
            }
        }
        if (call instanceof SqlBasicCall basic && basic.operandCount() == 3 && basic.getKind() == SqlKind.BETWEEN
                && basic.operand(0) instanceof SqlIdentifier) {
            for (int i = 1; i < 3; i++) {
                if (liftable(basic.operand(i))) {
                    visitor.liftable(basic, i);
                } else {
                    walk(basic.operand(i), visitor);
                }
            }
            return;
        }
        for (SqlNode operand : call.getOperandList()) {
            if (operand != null) {
                walk(operand, visitor);
            }
        }
    }

    private static boolean liftable(SqlNode node) {
        return node instanceof SqlNumericLiteral || node instanceof SqlCharStringLiteral;
    }

    /** Whether {@code text}, cut out of the statement, is the literal {@code l} (a sign may lead a number). */
    private static boolean spans(String text, SqlLiteral l) {
        char first = text.charAt(0);
        char last = text.charAt(text.length() - 1);
        if (l instanceof SqlCharStringLiteral) {
            return first == '\'' && last == '\'';
        }
        return (first == '-' || first == '+' || first == '.' || Character.isDigit(first))
                && (Character.isDigit(last) || last == '.');
    }

    /** Columns count UTF-16 units only when no character needs two. */
    private static boolean isBmp(String sql) {
        for (int i = 0; i < sql.length(); i++) {
            if (Character.isSurrogate(sql.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int[] lineStarts(String sql) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= sql.length() || sql.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The literal as an internal value of {@code type} if it converts without loss, else null (invariant 2). */
    static Object exact(SqlLiteral literal, ColumnType type) {
        if (literal instanceof SqlCharStringLiteral) {
            String s = literal.getValueAs(String.class);
            boolean fits = type.kind() == ColumnType.Kind.VARCHAR
                    && (type.precision() == ColumnType.UNBOUNDED || s.length() <= type.precision())
                    && !s.endsWith(" ");
            return fits ? s : null;
        }
        BigDecimal d = literal.getValueAs(BigDecimal.class);
        try {
            return switch (type.kind()) {
                case TINYINT, SMALLINT, INTEGER, BIGINT -> {
                    long v = d.longValueExact(); // throws unless integral and within BIGINT
                    yield ValueCoercion.toInternal(v, type); // throws outside the column's range
                }
                case DECIMAL -> {
                    BigDecimal stripped = d.stripTrailingZeros();
                    int scale = Math.max(0, stripped.scale());
                    int integerDigits = Math.max(0, stripped.precision() - stripped.scale());
                    yield scale <= type.scale() && integerDigits <= type.precision() - type.scale()
                            ? ValueCoercion.toInternal(d, type) : null;
                }
                // Calcite compares a DOUBLE column with a decimal literal as doubles: the same conversion
                case DOUBLE -> Double.isInfinite(d.doubleValue()) ? null : d.doubleValue();
                default -> null;
            };
        } catch (RuntimeException e) {
            return null;
        }
    }
}
