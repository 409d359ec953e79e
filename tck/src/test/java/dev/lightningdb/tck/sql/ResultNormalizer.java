package dev.lightningdb.tck.sql;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Turns JDBC result rows into values that compare across databases: every number becomes a
 * BigDecimal without trailing zeros (so INTEGER 3, BIGINT 3 and DECIMAL 3.00 are equal), an
 * approximate number is rounded to {@value #DOUBLE_DIGITS} significant digits (and near-zero to zero),
 * dates, times and timestamps become their ISO text, and CHAR-like values stay as they are.
 */
final class ResultNormalizer {
    static final int DOUBLE_DIGITS = 11;
    private static final MathContext APPROXIMATE = new MathContext(DOUBLE_DIGITS);

    private ResultNormalizer() {
    }

    /** All rows of {@code rs}, normalized, in the order returned; at most {@code maxRows}. */
    static List<List<Object>> rows(ResultSet rs, int maxRows) throws SQLException {
        int n = rs.getMetaData().getColumnCount();
        List<List<Object>> out = new ArrayList<>();
        while (rs.next()) {
            if (out.size() >= maxRows) {
                throw new SQLException("more than " + maxRows + " rows", "TCK01");
            }
            Object[] row = new Object[n];
            for (int i = 0; i < n; i++) {
                row[i] = normalize(rs.getObject(i + 1));
            }
            out.add(Arrays.asList(row));
        }
        return out;
    }

    static Object normalize(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return Double.toString(d);
            }
            if (Math.abs(d) < 1e-9) {
                return BigDecimal.ZERO;
            }
            return new BigDecimal(d).round(APPROXIMATE).stripTrailingZeros();
        }
        if (v instanceof BigDecimal b) {
            BigDecimal s = b.stripTrailingZeros();
            // An exact value with more digits than a double holds came from approximate arithmetic in one database.
            return s.precision() > 16 ? s.round(APPROXIMATE).stripTrailingZeros() : (s.signum() == 0 ? BigDecimal.ZERO : s);
        }
        if (v instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toString();
        }
        if (v instanceof java.sql.Time t) {
            return t.toLocalTime().toString();
        }
        if (v instanceof java.time.temporal.Temporal t) {
            return t.toString();
        }
        if (v instanceof byte[] b) {
            return java.util.HexFormat.of().formatHex(b);
        }
        return v;
    }

    /** A total order on normalized rows (NULL first), used to compare multisets by sorting. */
    static final Comparator<List<Object>> ROW_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compareValues(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareValues(Object x, Object y) {
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : -1) : 1;
        }
        if (x.getClass() == y.getClass() && x instanceof Comparable c) {
            return c.compareTo(y);
        }
        return x.getClass().getName().compareTo(y.getClass().getName());
    }

    static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(ROW_ORDER);
        return copy;
    }
}
