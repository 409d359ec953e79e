package dev.lightningdb.sql.exec;

import dev.lightningdb.sql.plan.ResultColumn;
import dev.lightningdb.sql.plan.RowIterator;
import dev.lightningdb.sql.types.ValueCoercion;
import java.util.Iterator;
import java.util.List;

/**
 * Rows of a query, read forward once. Values are external ({@link ValueCoercion}): Boolean,
 * numbers, BigDecimal, String, byte[], LocalDate, LocalTime, LocalDateTime or null. Must be closed;
 * closing ends the statement's own transaction in auto-commit mode.
 */
public final class QueryResult implements Result, AutoCloseable {
    private final List<ResultColumn> columns;
    private final RowIterator rows;
    private final Iterator<Object[]> fixedRows;
    private final Runnable onClose;
    private Object[] current;
    private boolean closed;

    QueryResult(List<ResultColumn> columns, RowIterator rows, Runnable onClose) {
        this.columns = columns;
        this.rows = rows;
        this.fixedRows = null;
        this.onClose = onClose;
    }

    /** A result of rows already computed (external values), e.g. EXPLAIN output or metadata. */
    public static QueryResult of(List<ResultColumn> columns, List<Object[]> rows) {
        return new QueryResult(columns, rows);
    }

    private QueryResult(List<ResultColumn> columns, List<Object[]> rows) {
        this.columns = columns;
        this.rows = null;
        this.fixedRows = rows.iterator();
        this.onClose = () -> { };
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
            if (fixedRows != null) {
                current = fixedRows.hasNext() ? fixedRows.next() : null;
            } else if (rows.next()) {
                Object[] internal = rows.current();
                Object[] external = new Object[columns.size()];
                for (int i = 0; i < external.length; i++) {
                    external[i] = ValueCoercion.toExternal(internal[i], columns.get(i).type());
                }
                current = external;
            } else {
                current = null;
            }
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
            if (rows != null) {
                rows.close();
            }
        } finally {
            onClose.run();
        }
    }
}
