package dev.lightningdb.bench.jdbc;

import java.nio.file.Path;

/** LightningDB through its JDBC driver ({@code jdbc:lightning:<dir>}). */
final class LightningJdbc implements JdbcSystem {
    private final boolean sync;

    LightningJdbc(boolean sync) {
        this.sync = sync;
    }

    @Override
    public String id() {
        return sync ? "lightning-sync" : "lightning";
    }

    @Override
    public String displayName() {
        return "LightningDB";
    }

    @Override
    public boolean isLightning() {
        return true;
    }

    @Override
    public boolean synchronousVariant() {
        return sync;
    }

    @Override
    public String durability() {
        return sync ? "walSyncMode=SYNC" : "walSyncMode=ASYNC (default)";
    }

    @Override
    public boolean comparable() {
        return !sync; // until the WAL (issue 5) makes SYNC commits durable
    }

    @Override
    public String note() {
        // Keep true: goes away when the WAL (issue 5) lands.
        return sync ? "no WAL yet: commits are not fsynced, so this is not a durable rate"
                : "interim in-memory store (paged store not merged yet)";
    }

    @Override
    public String url(Path dir) {
        return "jdbc:lightning:" + dir.resolve("db") + (sync ? "?walSyncMode=SYNC" : "");
    }
}
