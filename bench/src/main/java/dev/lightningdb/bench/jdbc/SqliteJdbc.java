package dev.lightningdb.bench.jdbc;

import java.nio.file.Path;
import java.util.List;

/**
 * SQLite through sqlite-jdbc in WAL mode. Its default {@code synchronous=FULL} already fsyncs the
 * WAL at every commit, so the default is the synchronous setting and there is no second variant.
 * The primary key is {@code INTEGER}, SQLite's rowid alias, as SQLite users declare it. A writer
 * that finds the database locked waits up to {@value #BUSY_TIMEOUT_MS} ms (busy timeout) instead of
 * failing with SQLITE_BUSY.
 */
final class SqliteJdbc extends FsyncByDefaultJdbc {
    static final int BUSY_TIMEOUT_MS = 600_000;

    SqliteJdbc(boolean sync) {
        super(sync, "sqlite", "SQLite", "WAL, synchronous=FULL (default): fsync per commit");
    }

    @Override
    public String url(Path dir) {
        return "jdbc:sqlite:" + dir.resolve("db.sqlite");
    }

    @Override
    public String idType() {
        return "INTEGER";
    }

    @Override
    public String intKeyType() {
        return "INTEGER";
    }

    @Override
    public List<String> sessionInit() {
        return List.of("PRAGMA journal_mode=WAL", "PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
    }

    /**
     * SQLite has one writer at a time and no READ COMMITTED (sqlite-jdbc accepts the level and runs
     * its serializable transactions). Transactions stay DEFERRED, sqlite-jdbc's default: the UPDATE
     * is each transaction's first statement, so it takes the write lock before it reads and waits for
     * it under the busy timeout, as BEGIN IMMEDIATE would. sqlite-jdbc's {@code transaction_mode=IMMEDIATE}
     * does not fit: sqlite-jdbc begins the next transaction eagerly (at {@code setAutoCommit(false)}
     * and inside {@code commit()}), so an idle connection would hold the write lock between its
     * transactions, and {@code commit()} throws SQLITE_BUSY when that next BEGIN IMMEDIATE times out
     * although the commit itself succeeded (tried with sqlite-jdbc 3.54: SUM(n) exceeded the
     * successful commits by the number of such errors).
     */
    @Override
    public String contendedSettings() {
        return "SERIALIZABLE in effect (no READ COMMITTED), one writer at a time, busy_timeout " + BUSY_TIMEOUT_MS / 1000 + " s; "
                + durability();
    }
}
