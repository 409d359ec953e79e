package dev.lightningdb.sql.plan;

import org.apache.calcite.linq4j.Enumerator;

/**
 * Rows of a running query, as arrays of internal values. Calcite yields a bare value for a
 * single-column result; this wraps it so callers always see arrays. Translates errors raised while
 * rows are produced into {@link dev.lightningdb.sql.result.SqlError}s.
 */
public final class RowIterator implements AutoCloseable {
    private final Enumerator<?> enumerator;
    private final int width;
    private final CompiledQuery query;
    private Object[] current;

    RowIterator(Enumerator<?> enumerator, int width, CompiledQuery query) {
        this.enumerator = enumerator;
        this.width = width;
        this.query = query;
    }

    /** Advances; false at the end. */
    public boolean next() {
        try {
            if (!enumerator.moveNext()) {
                current = null;
                return false;
            }
            Object row = enumerator.current();
            current = width == 1 && !(row instanceof Object[] a && a.length == 1) ? new Object[] {row} : (Object[]) row;
            return true;
        } catch (RuntimeException e) {
            throw CalciteErrors.translate(e);
        } catch (ExceptionInInitializerError | NoClassDefFoundError e) {
            throw query.classInitFailed(e);
        }
    }

    /** The current row; owned by the caller. */
    public Object[] current() {
        return current;
    }

    @Override
    public void close() {
        enumerator.close();
    }
}
