package dev.lightningdb.bench.kv;

import java.nio.file.Path;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;

/**
 * H2's MVStore (the store under H2) used directly. Non-durable writes rely on its background
 * auto-commit; a durable write is {@code put}, {@code commit()} and {@code sync()}.
 */
final class MvStoreKv implements KvSystem {
    private MVStore store;
    private MVMap<byte[], byte[]> map;

    @Override
    public String id() {
        return "mvstore";
    }

    @Override
    public String displayName() {
        return "H2 MVStore";
    }

    @Override
    public String settings(KvWorkload w) {
        return (w.durable() ? "put+commit+sync" : "background auto-commit") + ", cacheSize " + (w == KvWorkload.GET_COLD ? "10%" : "2x data");
    }

    @Override
    public void open(Path dir, KvOptions o) {
        store = new MVStore.Builder().fileName(dir.resolve("kv.mv.db").toString())
                .cacheSize((int) Math.max(1, o.cacheBytes() >> 20)).open();
        map = store.openMap("kv", new MVMap.Builder<byte[], byte[]>().valueType(ByteArrayDataType.INSTANCE));
    }

    @Override
    public byte[] get(byte[] key) {
        return map.get(key); // MVStore hands out the stored array itself: no copy, as its users get it
    }

    @Override
    public void put(byte[] key, byte[] value) {
        map.put(key, value);
    }

    @Override
    public void putBatch(byte[][] keys, byte[][] values) {
        for (int i = 0; i < keys.length; i++) {
            map.put(keys[i], values[i]);
        }
    }

    @Override
    public void durablePut(byte[] key, byte[] value) {
        map.put(key, value);
        store.commit();
        store.sync();
    }

    @Override
    public int scan(byte[] from, int limit) {
        int n = 0;
        Cursor<byte[], byte[]> c = map.cursor(from);
        while (n < limit && c.hasNext()) {
            byte[] k = c.next();
            if (k.length + c.getValue().length > 0) {
                n++;
            }
        }
        return n;
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
    }
}
