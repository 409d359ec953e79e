package dev.lightningdb.bench.kv;

import dev.lightningdb.engine.LightningDb;
import dev.lightningdb.engine.Transaction;
import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.WalSyncMode;
import java.nio.file.Path;

/** LightningDB through its engine API. */
final class LightningKv implements KvSystem {
    private LightningDb db;

    @Override
    public String id() {
        return "lightning";
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
    public String settings(KvWorkload w) {
        // Without fsync per commit the peers run without a log (RocksDB disableWAL), so this does too.
        return (w.durable() ? "walSyncMode=SYNC" : "walSyncMode=OFF") + ", cacheSize=" + (w == KvWorkload.GET_COLD ? "10%" : "2x data");
    }

    @Override
    public void open(Path dir, KvOptions o) {
        LightningDbConfig config = LightningDbConfig.builder()
                .cacheSize(Math.max(256L << 10, o.cacheBytes()))
                .walSyncMode(o.durable() ? WalSyncMode.SYNC : WalSyncMode.OFF)
                .build();
        db = LightningDb.open(dir, config);
    }

    @Override
    public byte[] get(byte[] key) {
        return db.get(key);
    }

    @Override
    public void put(byte[] key, byte[] value) {
        db.put(key, value);
    }

    @Override
    public void putBatch(byte[][] keys, byte[][] values) {
        try (Transaction t = db.begin()) {
            for (int i = 0; i < keys.length; i++) {
                t.put(keys[i], values[i]);
            }
            t.commit();
        }
    }

    @Override
    public void durablePut(byte[] key, byte[] value) {
        db.put(key, value); // opened with walSyncMode=SYNC
    }

    @Override
    public int scan(byte[] from, int limit) {
        int n = 0;
        try (Cursor c = db.scan(KeyRange.atLeast(from))) {
            while (n < limit && c.next()) {
                if (c.key().length + c.value().length > 0) {
                    n++;
                }
            }
        }
        return n;
    }

    @Override
    public void close() {
        if (db != null) {
            db.close();
        }
    }
}
