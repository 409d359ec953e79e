package dev.lightningdb.bench.jdbc;

import java.nio.file.Path;
import java.util.List;

/**
 * SQLite through sqlite-jdbc in WAL mode. Its default {@code synchronous=FULL} already fsyncs the
 * WAL at every commit, so the default is the synchronous setting and there is no second variant.
 * The primary key is {@code INTEGER}, SQLite's rowid alias, as SQLite users declare it.
 */
final class SqliteJdbc extends FsyncByDefaultJdbc {
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
    public List<String> sessionInit() {
        return List.of("PRAGMA journal_mode=WAL", "PRAGMA busy_timeout=600000");
    }
}
