package dev.lightningdb.bench.jdbc;

import java.nio.file.Path;
import java.util.List;

/**
 * HSQLDB in file mode with CACHED tables (on disk, not held in memory). By default it fsyncs its
 * log every 500 ms (WRITE DELAY); the synchronous variant sets {@code WRITE DELAY FALSE}.
 */
final class HsqldbJdbc extends NamedJdbcSystem {
    HsqldbJdbc(boolean sync) {
        super(sync, "hsqldb", "HSQLDB");
    }

    @Override
    public boolean fsyncPerCommit() {
        return sync;
    }

    @Override
    public String durability() {
        return sync ? "WRITE DELAY FALSE: fsync per commit" : "default: log fsynced every 500 ms";
    }

    @Override
    public String url(Path dir) {
        return "jdbc:hsqldb:file:" + dir.resolve("db") + ";hsqldb.default_table_type=cached;shutdown=true";
    }

    @Override
    public List<String> sessionInit() {
        return sync ? List.of("SET FILES WRITE DELAY FALSE") : List.of();
    }
}
