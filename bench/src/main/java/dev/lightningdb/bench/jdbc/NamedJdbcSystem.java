package dev.lightningdb.bench.jdbc;

/**
 * What every driver adapter shares: its name, and whether it is the variant that asks for an fsync
 * per commit (its id then ends in {@code -sync}).
 */
abstract class NamedJdbcSystem implements JdbcSystem {
    protected final boolean sync;
    private final String idBase;
    private final String displayName;

    NamedJdbcSystem(boolean sync, String idBase, String displayName) {
        this.sync = sync;
        this.idBase = idBase;
        this.displayName = displayName;
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
}
