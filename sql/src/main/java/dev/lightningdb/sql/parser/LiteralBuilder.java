package dev.lightningdb.sql.parser;

import dev.lightningdb.sql.SqlError;
import dev.lightningdb.sql.parser.LightningSqlParser.*;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/** Literal parse trees as Calcite {@link SqlLiteral}s, with the calendar checked for date/time literals. */
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
                return approx ? SqlLiteral.createApproxNumeric(text, p) : SqlLiteral.createExactNumeric(text, p);
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

    static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1).replace("''", "'");
    }
}
