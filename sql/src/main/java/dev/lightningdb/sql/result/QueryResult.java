package dev.lightningdb.sql.result;

import java.util.Iterator;
import java.util.List;

/**
 * Rows of a query, read forward once. Values are external, as applications get them: Boolean,
 * numbers, BigDecimal, String, byte[], UUID, LocalDate, LocalTime, LocalDateTime, OffsetDateTime or
 * null. Must be closed; closing ends the statement's own transaction in auto-commit mode.
 */
public final class QueryResult implements Result, AutoCloseable {
    /** Where the rows come from: a compiled plan, a key-range walk, or a list. */
    public interface RowSource {
        /** The next row (external values), or null at the end. */
        Object[] next();

        void close();
    }

    private final List<ResultColumn> columns;
    private final RowSource source;
    private final Runnable onClose;
    private Object[] current;
    private boolean closed;

    private QueryResult(List<ResultColumn> columns, RowSource source, Runnable onClose) {
        this.columns = columns;
        this.source = source;
        this.onClose = onClose;
    }

    /** Rows read from {@code source}; {@code onClose} runs once when the result closes. */
    public static QueryResult of(List<ResultColumn> columns, RowSource source, Runnable onClose) {
        return new QueryResult(columns, source, onClose);
    }

    /** A result of rows already computed (external values), e.g. EXPLAIN output or metadata. */
    public static QueryResult of(List<ResultColumn> columns, List<Object[]> rows) {
        Iterator<Object[]> it = rows.iterator();
        return new QueryResult(columns, new RowSource() {
            @Override
            public Object[] next() {
                return it.hasNext() ? it.next() : null;
            }

            @Override
            public void close() {
                // nothing held
            }
        }, () -> { });
    }

    public List<ResultColumn> columns() {
        return columns;
    }

    /** Advances to the next row; false at the end (the result then closes itself). */
    public boolean next() {
        if (closed) {
            return false;
        }
        try {
            current = source.next();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        if (current == null) {
            close();
            return false;
        }
        return true;
    }

    /** The current row's value of column {@code index} (0-based). */
    public Object get(int index) {
        if (current == null) {
            throw new IllegalStateException("no current row");
        }
        return current[index];
    }

    /** The current row (owned by the caller). */
    public Object[] row() {
        return current;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            source.close();
        } finally {
            onClose.run();
        }
    }
}
