package dev.lightningdb.sql.parser;

import dev.lightningdb.sql.parser.LightningSqlParser.*;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.SqlError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/** Literal parse trees as Calcite {@link SqlLiteral}s, with the calendar checked for date/time literals; row counts. */
final class LiteralBuilder {
    private LiteralBuilder() {
    }

    static SqlNode literal(LiteralContext ctx) {
        SqlParserPos p = ExpressionBuilder.pos(ctx);
        if (ctx instanceof NullLiteralContext) {
            return SqlLiteral.createNull(p);
        }
        if (ctx instanceof BooleanLiteralContext b) {
            return SqlLiteral.createBoolean(b.TRUE() != null, p);
        }
        if (ctx instanceof IntegerLiteralContext || ctx instanceof DecimalLiteralContext) {
            String text = ctx.getText();
            boolean approx = text.indexOf('e') >= 0 || text.indexOf('E') >= 0;
            try {
                SqlNumericLiteral n = approx ? SqlLiteral.createApproxNumeric(text, p) : SqlLiteral.createExactNumeric(text, p);
                BigDecimal v = n.bigDecimalValue();
                if (!approx && v != null && (v.precision() > ColumnType.MAX_DECIMAL_PRECISION || v.scale() > ColumnType.MAX_DECIMAL_PRECISION)) {
                    throw new NumberFormatException("more than " + ColumnType.MAX_DECIMAL_PRECISION + " digits");
                }
                return n;
            } catch (NumberFormatException e) {
                // BigDecimal takes exponents within int range only (1.5e99999999999)
                throw new SqlError(SqlError.NUMERIC_OUT_OF_RANGE, "Numeric literal '" + text + "' out of range at line "
                        + p.getLineNum() + ", column " + p.getColumnNum());
            }
        }
        if (ctx instanceof StringLiteralContext s) {
            return SqlLiteral.createCharString(unquote(s.getText()), p);
        }
        if (ctx instanceof BinaryLiteralContext b) {
            String text = b.getText();
            String hex = text.substring(2, text.length() - 1);
            if (hex.length() % 2 != 0) {
                throw SqlError.syntax(p.getLineNum(), p.getColumnNum(), "binary literal needs an even number of hex digits");
            }
            return SqlLiteral.createBinaryString(hex, p);
        }
        String text = ctx instanceof DateLiteralContext d ? unquote(d.STRING_LITERAL().getText())
                : ctx instanceof TimeLiteralContext t ? unquote(t.STRING_LITERAL().getText())
                : unquote(((TimestampLiteralContext) ctx).STRING_LITERAL().getText());
        try {
            // java.time checks the calendar (Calcite's strings check only the format)
            String t = text.trim();
            if (ctx instanceof DateLiteralContext) {
                LocalDate d = LocalDate.parse(t);
                return SqlLiteral.createDate(new DateString(d.getYear(), d.getMonthValue(), d.getDayOfMonth()), p);
            }
            if (ctx instanceof TimeLiteralContext) {
                LocalTime time = LocalTime.parse(t);
                return SqlLiteral.createTime(new TimeString(time.getHour(), time.getMinute(), time.getSecond())
                        .withMillis(time.getNano() / 1_000_000), 3, p);
            }
            LocalDateTime ts = LocalDateTime.parse(t.length() == 10 ? t + "T00:00:00" : t.replace(' ', 'T'));
            return SqlLiteral.createTimestamp(new TimestampString(ts.getYear(), ts.getMonthValue(), ts.getDayOfMonth(),
                    ts.getHour(), ts.getMinute(), ts.getSecond()).withMillis(ts.getNano() / 1_000_000), 3, p);
        } catch (RuntimeException e) {
            throw new SqlError(SqlError.INVALID_DATETIME, "Invalid date/time literal '" + text + "' at line " + p.getLineNum()
                    + ", column " + p.getColumnNum());
        }
    }

    /**
     * A LIMIT, OFFSET or FETCH count: an unsigned integer literal or {@code ?} (the planner takes nothing
     * else). Calcite counts rows in an int: a larger count, which no result reaches, is taken as the
     * largest int.
     */
    static SqlNode rowCount(SqlNode n, ExpressionContext ctx, String clause) {
        if (n instanceof SqlDynamicParam) {
            return n;
        }
        if (n instanceof SqlNumericLiteral lit && lit.isExact() && lit.isInteger() && lit.signum() >= 0) {
            BigDecimal v = lit.bigDecimalValue();
            return v != null && v.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
                    ? SqlLiteral.createExactNumeric(Integer.toString(Integer.MAX_VALUE), lit.getParserPosition()) : n;
        }
        SqlParserPos p = ExpressionBuilder.pos(ctx);
        throw SqlError.syntax(p.getLineNum(), p.getColumnNum(), clause + " takes an integer literal of zero or more or a ?, not '"
                + ctx.getText() + "'");
    }

    static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1).replace("''", "'");
    }
}
