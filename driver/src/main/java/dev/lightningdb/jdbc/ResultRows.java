package dev.lightningdb.jdbc;

import dev.lightningdb.sql.result.QueryResult;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a result set and the cursor's position among them: {@link Forward} reads a
 * {@link QueryResult} once, as it is produced; {@link Scroll} holds every row (read when the
 * result set was made) and moves anywhere. Rows are numbered from 1; 0 is before the first.
 */
abstract class ResultRows {
    /** The current row, or null when the cursor is before the first or after the last. */
    abstract Object[] row();

    /** The current row's number, or 0 when not on a row. */
    abstract int rowNumber();

    abstract boolean next() throws SQLException;

    abstract boolean isBeforeFirst();

    abstract boolean isAfterLast();

    abstract boolean isLast() throws SQLException;

    abstract void close();

    /** Moves to row {@code r} (negative: from the end); true when that is a row. */
    boolean absolute(int r) throws SQLException {
        throw forwardOnly();
    }

    boolean relative(int r) throws SQLException {
        throw forwardOnly();
    }

    boolean previous() throws SQLException {
        throw forwardOnly();
    }

    boolean first() throws SQLException {
        throw forwardOnly();
    }

    boolean last() throws SQLException {
        throw forwardOnly();
    }

    void beforeFirst() throws SQLException {
        throw forwardOnly();
    }

    void afterLast() throws SQLException {
        throw forwardOnly();
    }

    static SQLException forwardOnly() {
        return new SQLException("The result set is TYPE_FORWARD_ONLY", "24000");
    }

    /** Reads a query's rows as it produces them, stopping after {@code maxRows} (0: no limit). */
    static final class Forward extends ResultRows {
        private final QueryResult result;
        private final int maxRows;
        private Object[] row;
        private int rowNumber;
        private boolean afterLast;

        Forward(QueryResult result, int maxRows) {
            this.result = result;
            this.maxRows = maxRows;
        }

        @Override
        Object[] row() {
            return row;
        }

        @Override
        int rowNumber() {
            return row == null ? 0 : rowNumber;
        }

        @Override
        boolean next() {
            if (afterLast) {
                return false;
            }
            boolean has;
            if (maxRows > 0 && rowNumber >= maxRows) {
                has = false;
                result.close();
            } else {
                has = result.next();
            }
            if (!has) {
                row = null;
                afterLast = true;
                return false;
            }
            row = result.row();
            rowNumber++;
            return true;
        }

        @Override
        boolean isBeforeFirst() {
            return rowNumber == 0 && !afterLast;
        }

        @Override
        boolean isAfterLast() {
            return afterLast && rowNumber > 0;
        }

        @Override
        boolean isLast() throws SQLException {
            throw Errors.unsupported("isLast on a TYPE_FORWARD_ONLY result set");
        }

        @Override
        void close() {
            result.close();
        }
    }

    /** Every row in memory; the cursor moves anywhere (TYPE_SCROLL_INSENSITIVE). */
    static final class Scroll extends ResultRows {
        private final List<Object[]> rows;
        private int position; // 0 before the first row, rows.size() + 1 after the last

        Scroll(List<Object[]> rows) {
            this.rows = rows;
        }

        /** Reads all of {@code result} (at most {@code maxRows}, 0: no limit), then closes it. */
        static Scroll of(QueryResult result, int maxRows) {
            List<Object[]> rows = new ArrayList<>();
            try {
                while ((maxRows == 0 || rows.size() < maxRows) && result.next()) {
                    rows.add(result.row());
                }
            } finally {
                result.close();
            }
            return new Scroll(rows);
        }

        @Override
        Object[] row() {
            return position >= 1 && position <= rows.size() ? rows.get(position - 1) : null;
        }

        @Override
        int rowNumber() {
            return row() == null ? 0 : position;
        }

        @Override
        boolean next() {
            return moveTo(position + 1);
        }

        private boolean moveTo(int p) {
            position = Math.max(0, Math.min(rows.size() + 1, p));
            return row() != null;
        }

        @Override
        boolean isBeforeFirst() {
            return position == 0 && !rows.isEmpty();
        }

        @Override
        boolean isAfterLast() {
            return position > rows.size() && !rows.isEmpty();
        }

        @Override
        boolean isLast() {
            return !rows.isEmpty() && position == rows.size();
        }

        @Override
        boolean absolute(int r) {
            return moveTo(r >= 0 ? r : rows.size() + 1 + r);
        }

        @Override
        boolean relative(int r) {
            return moveTo(position + r);
        }

        @Override
        boolean previous() {
            return moveTo(position - 1);
        }

        @Override
        boolean first() {
            return moveTo(1);
        }

        @Override
        boolean last() {
            return moveTo(rows.size());
        }

        @Override
        void beforeFirst() {
            position = 0;
        }

        @Override
        void afterLast() {
            position = rows.size() + 1;
        }

        @Override
        void close() {
            // nothing held but memory
        }
    }
}
