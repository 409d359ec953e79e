package dev.lightningdb.tck.sql;

import java.math.BigDecimal;
import java.util.List;

/**
 * Compares normalized results: as lists when the query's order is defined, else as multisets
 * (both sides sorted). Numbers are equal when they agree to a relative {@value #TOLERANCE} (values
 * of DOUBLE columns are rounded by {@link ResultNormalizer} already; this absorbs the last digit).
 */
final class ResultComparer {
    static final double TOLERANCE = 1e-9;

    private ResultComparer() {
    }

    /** Null when equal, else a description of the first difference. */
    static String difference(List<List<Object>> expected, List<List<Object>> actual, boolean ordered) {
        return difference(expected, actual, ordered, "H2", "LightningDB");
    }

    /** Like {@link #difference(List, List, boolean)}, naming the two sides {@code left} and {@code right}. */
    static String difference(List<List<Object>> expected, List<List<Object>> actual, boolean ordered, String left, String right) {
        List<List<Object>> e = ordered ? expected : ResultNormalizer.sorted(expected);
        List<List<Object>> a = ordered ? actual : ResultNormalizer.sorted(actual);
        if (e.size() != a.size()) {
            return "row counts differ: " + left + " " + e.size() + ", " + right + " " + a.size() + describe(e, a, left, right);
        }
        for (int i = 0; i < e.size(); i++) {
            if (!rowsEqual(e.get(i), a.get(i))) {
                return (ordered ? "row " + i : "sorted row " + i) + " differs: " + left + " " + e.get(i) + ", " + right + " " + a.get(i)
                        + describe(e, a, left, right);
            }
        }
        return null;
    }

    private static String describe(List<List<Object>> e, List<List<Object>> a, String left, String right) {
        return "\n  " + left + ": " + abbreviate(e) + "\n  " + right + ": " + abbreviate(a);
    }

    private static String abbreviate(List<List<Object>> rows) {
        String s = rows.toString();
        return s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
    }

    static boolean rowsEqual(List<Object> x, List<Object> y) {
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (!valuesEqual(x.get(i), y.get(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean valuesEqual(Object x, Object y) {
        if (x == null || y == null) {
            return x == y;
        }
        if (x instanceof BigDecimal a && y instanceof BigDecimal b) {
            if (a.compareTo(b) == 0) {
                return true;
            }
            double da = a.doubleValue();
            double db = b.doubleValue();
            return Math.abs(da - db) <= TOLERANCE * Math.max(Math.abs(da), Math.abs(db));
        }
        return x.equals(y);
    }
}
