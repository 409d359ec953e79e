package dev.lightningdb.tck.errors;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Makes each kind of ordinary error happen for real, on a connection of a database made by
 * {@link #createSchema}: the errors an application meets every day, which must neither close a pooled
 * connection nor translate wrongly. Each {@link #provoke} runs in a transaction of its own (auto-commit
 * off) that first inserts a row into {@code marks}, so that the caller can see whether the error
 * left the transaction going ({@link #markSurvived}) or rolled it back.
 */
public final class RealErrors {
    /** A query that runs for hours: a four-way cross join of 200 rows, counted. */
    private static final String ENDLESS = "SELECT COUNT(*) FROM n a, n b, n c, n d WHERE a.k + b.k + c.k + d.k >= 0";

    private RealErrors() {
    }

    /** One kind of error, with the SQLState the driver reports and whether it rolls back its transaction. */
    public enum Kind {
        UNKNOWN_FUNCTION_CALL("42", false),
        UNSUPPORTED_JDBC_METHOD("HYC00", false),
        UNSUPPORTED_SQL("HYC00", false),
        SYNTAX("42000", false),
        DUPLICATE_KEY("23505", false),
        NOT_NULL("23502", false),
        CHECK("23514", false),
        SERIALIZATION_FAILURE("40001", true),
        DEADLOCK("40P01", true),
        LOCK_TIMEOUT("55P03", false),
        QUERY_TIMEOUT("57014", false),
        CANCEL("57014", false);

        /** The SQLState, or its start where the exact state is not the point. */
        public final String state;
        public final boolean rollsBack;

        Kind(String state, boolean rollsBack) {
            this.state = state;
            this.rollsBack = rollsBack;
        }
    }

    /** Tables t (a key, a NOT NULL and a CHECK column), n (200 numbers, for long queries) and marks. */
    public static void createSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, n INT CHECK (n >= 0))");
            s.execute("INSERT INTO t VALUES (1, 'one', 1), (2, 'two', 2)");
            s.execute("CREATE TABLE n (k INT PRIMARY KEY)");
            s.execute("CREATE TABLE marks (id INT PRIMARY KEY)");
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO n VALUES (?)")) {
            for (int i = 0; i < 200; i++) {
                p.setInt(1, i);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /**
     * Begins a transaction on {@code c} that inserts the mark {@code mark}, then makes {@code kind}
     * happen in it and returns the error; {@code url} opens the second connection that conflicts need.
     * Leaves the transaction open (or rolled back, as the error does).
     */
    public static SQLException provoke(Kind kind, Connection c, String url, int mark) throws Exception {
        c.setAutoCommit(false);
        if (kind == Kind.SERIALIZATION_FAILURE) {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO marks VALUES (" + mark + ")");
        }
        try {
            fail(kind, c, url);
        } catch (SQLException e) {
            return e;
        }
        throw new AssertionError(kind + " did not fail");
    }

    /** Whether the mark inserted by {@link #provoke} is still in {@code c}'s transaction. */
    public static boolean markSurvived(Connection c, int mark) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM marks WHERE id = " + mark)) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }

    private static void fail(Kind kind, Connection c, String url) throws Exception {
        switch (kind) {
            case UNKNOWN_FUNCTION_CALL -> {
                try (CallableStatement call = c.prepareCall("{call unknown_proc(?)}")) {
                    call.setInt(1, 1);
                    call.execute();
                }
            }
            case UNSUPPORTED_JDBC_METHOD -> c.createSQLXML();
            case UNSUPPORTED_SQL -> run(c, "CREATE TABLE deckey (a DECIMAL(5, 2) PRIMARY KEY)");
            case SYNTAX -> run(c, "SELEC 1");
            case DUPLICATE_KEY -> run(c, "INSERT INTO t VALUES (1, 'again', 0)");
            case NOT_NULL -> run(c, "INSERT INTO t VALUES (3, NULL, 0)");
            case CHECK -> run(c, "INSERT INTO t VALUES (3, 'three', -1)");
            case SERIALIZATION_FAILURE -> serializationFailure(c, url);
            case DEADLOCK -> deadlock(c, url);
            case LOCK_TIMEOUT -> lockTimeout(c, url);
            case QUERY_TIMEOUT -> queryTimeout(c);
            case CANCEL -> cancel(c);
        }
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Under REPEATABLE READ, a row read, then changed by a commit of another connection, then written: 40001. */
    private static void serializationFailure(Connection c, String url) throws SQLException {
        run(c, "SELECT n FROM t WHERE id = 1");
        try (Connection other = DriverManager.getConnection(url)) {
            run(other, "UPDATE t SET n = n + 1 WHERE id = 1");
        }
        run(c, "UPDATE t SET n = 10 WHERE id = 1");
    }

    /**
     * {@code c} locks row 1, another connection locks row 2 and then waits for row 1; when {@code c}
     * asks for row 2 it would close the cycle, so it is the victim (the engine's rule).
     */
    private static void deadlock(Connection c, String url) throws Exception {
        try (Connection other = DriverManager.getConnection(url)) {
            other.setAutoCommit(false);
            run(other, "UPDATE t SET n = n + 1 WHERE id = 2");
            run(c, "UPDATE t SET n = n + 1 WHERE id = 1");
            Thread[] waiter = new Thread[1];
            CompletableFuture<Void> otherWaits = CompletableFuture.runAsync(() -> {
                waiter[0] = Thread.currentThread();
                try {
                    run(other, "UPDATE t SET n = n + 1 WHERE id = 1");
                    other.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitParkedOnALock(waiter, otherWaits);
            try {
                run(c, "UPDATE t SET n = n + 1 WHERE id = 2");
            } finally {
                otherWaits.get(30, TimeUnit.SECONDS); // granted once the victim's rollback frees row 1
            }
        }
    }

    /** Waits until the thread in {@code holder} is parked by the engine's lock table (waiting for a row lock). */
    private static void awaitParkedOnALock(Thread[] holder, CompletableFuture<Void> work) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && !work.isDone()) {
            Thread t = holder[0];
            Object blocker = t == null ? null : LockSupport.getBlocker(t);
            if (blocker != null && blocker.getClass().getSimpleName().equals("LockTable")) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the other connection never waited for the row lock");
    }

    /** Another connection holds row 1; {@code c} waits for it no longer than 200 ms: 55P03. */
    private static void lockTimeout(Connection c, String url) throws SQLException {
        try (Connection other = DriverManager.getConnection(url)) {
            other.setAutoCommit(false);
            run(other, "UPDATE t SET n = n + 1 WHERE id = 1");
            run(c, "SET LOCK_TIMEOUT 200");
            try {
                run(c, "UPDATE t SET n = 0 WHERE id = 1");
            } finally {
                run(c, "SET LOCK_TIMEOUT 10000");
                other.rollback();
            }
        }
    }

    private static void queryTimeout(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            drain(s);
        }
    }

    /** cancel() only stops a statement that is running, so another thread keeps cancelling until the query has ended. */
    private static void cancel(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            AtomicBoolean done = new AtomicBoolean();
            CompletableFuture<Void> canceller = CompletableFuture.runAsync(() -> {
                while (!done.get()) {
                    try {
                        s.cancel();
                        Thread.sleep(20);
                    } catch (SQLException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            try {
                drain(s);
            } finally {
                done.set(true);
                canceller.get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void drain(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery(ENDLESS)) {
            while (rs.next()) {
                rs.getLong(1);
            }
        }
    }
}
