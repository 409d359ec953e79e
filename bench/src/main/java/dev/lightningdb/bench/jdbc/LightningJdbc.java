package dev.lightningdb.bench.jdbc;

import dev.lightningdb.engine.common.LightningDbConfig;
import java.nio.file.Path;
import java.time.Duration;

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

    /** READ COMMITTED is the driver's default; a writer waits up to the engine's default lockTimeout for a row's lock. */
    @Override
    public String contendedSettings() {
        Duration t = LightningDbConfig.defaults().lockTimeout();
        String timeout = t.toMillis() % 1000 == 0 ? t.toSeconds() + " s" : t.toMillis() + " ms";
        return "READ COMMITTED (default), lockTimeout " + timeout + " (default); " + durability();
    }

    @Override
    public String url(Path dir) {
        return "jdbc:lightning:" + dir.resolve("db") + (sync ? "?walSyncMode=SYNC" : "");
    }
}
