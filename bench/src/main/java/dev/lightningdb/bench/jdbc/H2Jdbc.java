package dev.lightningdb.bench.jdbc;

import java.nio.file.Path;

/**
 * H2 in embedded file mode with its defaults. H2 writes each commit to its file but has no setting
 * that forces (fsyncs) every commit, so it has no synchronous variant.
 */
final class H2Jdbc extends NamedJdbcSystem {
    H2Jdbc(boolean sync) {
        super(sync, "h2", "H2");
    }

    @Override
    public boolean fsyncPerCommit() {
        return false;
    }

    @Override
    public String durability() {
        return sync ? "fsync per commit" : "default: commit written, not fsynced";
    }

    @Override
    public String notApplicable() {
        return sync ? "H2 has no setting that fsyncs every commit" : null;
    }

    /** H2 2.x defaults to READ COMMITTED; a writer waits for a row's lock up to LOCK_TIMEOUT (2 s by default). */
    @Override
    public String contendedSettings() {
        return "READ COMMITTED (default), LOCK_TIMEOUT 2 s (default); " + durability();
    }

    @Override
    public String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("db");
    }
}
