package dev.lightningdb.bench.jdbc;

import dev.lightningdb.bench.LightningStore;
import java.nio.file.Path;

/** LightningDB through its JDBC driver ({@code jdbc:lightning:<dir>}). */
final class LightningJdbc extends NamedJdbcSystem {
    LightningJdbc(boolean sync) {
        super(sync, "lightning", "LightningDB");
    }

    @Override
    public boolean isLightning() {
        return true;
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
