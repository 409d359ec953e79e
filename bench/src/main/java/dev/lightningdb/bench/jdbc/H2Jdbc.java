package dev.lightningdb.bench.jdbc;

import java.nio.file.Path;

/**
 * H2 in embedded file mode with its defaults. H2 writes each commit to its file but has no setting
 * that forces (fsyncs) every commit, so it has no synchronous variant.
 */
final class H2Jdbc implements JdbcSystem {
    private final boolean sync;

    H2Jdbc(boolean sync) {
        this.sync = sync;
    }

    @Override
    public String id() {
        return sync ? "h2-sync" : "h2";
    }

    @Override
    public String displayName() {
        return "H2";
    }

    @Override
    public boolean synchronousVariant() {
        return sync;
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

    @Override
    public String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("db");
    }
}
