package dev.lightningdb.bench.jdbc;

/**
 * A driver whose default already forces every commit to disk, so its synchronous variant adds
 * nothing: that variant's rows say so instead of repeating the default rows.
 */
abstract class FsyncByDefaultJdbc implements JdbcSystem {
    private final boolean sync;
    private final String idBase;
    private final String displayName;
    private final String durability;

    FsyncByDefaultJdbc(boolean sync, String idBase, String displayName, String durability) {
        this.sync = sync;
        this.idBase = idBase;
        this.displayName = displayName;
        this.durability = durability;
    }

    @Override
    public final String id() {
        return sync ? idBase + "-sync" : idBase;
    }

    @Override
    public final String displayName() {
        return displayName;
    }

    @Override
    public final boolean synchronousVariant() {
        return sync;
    }

    @Override
    public final boolean fsyncPerCommit() {
        return true;
    }

    @Override
    public final String durability() {
        return durability;
    }

    @Override
    public final String notApplicable() {
        return sync ? "its default already fsyncs every commit (see the default rows)" : null;
    }
}
