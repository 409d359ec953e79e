package dev.lightningdb.bench.jdbc;

import dev.lightningdb.bench.LightningStore;
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
    public boolean fsyncPerCommit() {
        return sync;
    }

    @Override
    public String durability() {
        return sync ? "walSyncMode=SYNC" : "walSyncMode=ASYNC (default)";
    }

    @Override
    public String note() {
        return LightningStore.note();
    }

    @Override
    public String url(Path dir) {
        return "jdbc:lightning:" + dir.resolve("db") + (sync ? "?walSyncMode=SYNC" : "");
    }
}
