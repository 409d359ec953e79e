package dev.lightningdb.bench.jdbc;

/**
 * A driver whose default already forces every commit to disk, so its synchronous variant adds
 * nothing: that variant's rows say so instead of repeating the default rows.
 */
abstract class FsyncByDefaultJdbc extends NamedJdbcSystem {
    private final String durability;

    FsyncByDefaultJdbc(boolean sync, String idBase, String displayName, String durability) {
        super(sync, idBase, displayName);
        this.durability = durability;
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
