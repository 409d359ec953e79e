package dev.lightningdb.tck.sql;

import java.util.List;

/**
 * Internal errors (SQLState XX000) and escaping throwables the tests have found and reported, by a
 * piece of their message. The fuzz, differential and partitioning tests tolerate these (and count them)
 * so that the build stays green while they are open; any other internal error fails them. The
 * generators also avoid the constructs behind them ({@link Feature}); this list catches what slips
 * through, such as BOOLEAN NOT NULL values that become join keys after decorrelation.
 * {@code -Dlightning.sql.strict=true} tolerates none.
 */
final class KnownBugs {
    record Bug(String messagePart, String repro) {
    }

    static final List<Bug> INTERNAL_ERRORS = List.of();

    private KnownBugs() {
    }

    /** The known bug behind a failed outcome (an internal error or an escaped throwable), or null. */
    static Bug match(Outcome o) {
        if (o.escaped() != null) {
            return match(o.escaped().toString());
        }
        if (o.error() != null && "XX000".equals(o.error().getSQLState())) {
            return match(o.error().getMessage());
        }
        return null;
    }

    /** The known bug whose message part {@code text} contains, or null. */
    static Bug match(String text) {
        if (Boolean.getBoolean("lightning.sql.strict") || text == null) {
            return null;
        }
        for (Bug b : INTERNAL_ERRORS) {
            if (text.contains(b.messagePart())) {
                return b;
            }
        }
        return null;
    }
}
