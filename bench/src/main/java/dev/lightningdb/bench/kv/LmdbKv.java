package dev.lightningdb.bench.kv;

import java.nio.file.Path;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Cursor;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.GetOp;
import org.lmdbjava.Txn;

/**
 * LMDB through lmdbjava with byte-array buffers. Every write is its own write transaction. The
 * sync policy is an environment flag: non-durable workloads open with {@code MDB_NOSYNC}, durable
 * ones with LMDB's default (fsync at every commit). Needs {@code --add-opens} on Java 17 (run.sh).
 */
final class LmdbKv implements KvSystem {
    private Env<byte[]> env;
    private Dbi<byte[]> dbi;

    @Override
    public String id() {
        return "lmdb";
    }

    @Override
    public String displayName() {
        return "LMDB";
    }

    @Override
    public String settings(KvWorkload w) {
        return w.durable() ? "default (fsync per commit)" : "MDB_NOSYNC";
    }

    @Override
    public String note(KvWorkload w) {
        return w == KvWorkload.GET_COLD ? "mmap: its cache is the OS page cache, which cannot be limited here" : "";
    }

    @Override
    public void open(Path dir, KvOptions o) {
        long mapSize = Math.max(1L << 30, o.dataBytes() * 8);
        EnvFlags[] flags = o.durable() ? new EnvFlags[0] : new EnvFlags[] {EnvFlags.MDB_NOSYNC};
        env = Env.create(ByteArrayProxy.PROXY_BA).setMapSize(mapSize).setMaxDbs(1).setMaxReaders(256)
                .open(dir.toFile(), flags);
        dbi = env.openDbi("kv", DbiFlags.MDB_CREATE);
    }

    @Override
    public byte[] get(byte[] key) {
        try (Txn<byte[]> t = env.txnRead()) {
            return dbi.get(t, key);
        }
    }

    @Override
    public void put(byte[] key, byte[] value) {
        try (Txn<byte[]> t = env.txnWrite()) {
            dbi.put(t, key, value);
            t.commit();
        }
    }

    @Override
    public void putBatch(byte[][] keys, byte[][] values) {
        try (Txn<byte[]> t = env.txnWrite()) {
            for (int i = 0; i < keys.length; i++) {
                dbi.put(t, keys[i], values[i]);
            }
            t.commit();
        }
    }

    @Override
    public void durablePut(byte[] key, byte[] value) {
        put(key, value); // opened without MDB_NOSYNC: the commit fsyncs
    }

    @Override
    public int scan(byte[] from, int limit) {
        int n = 0;
        try (Txn<byte[]> t = env.txnRead(); Cursor<byte[]> c = dbi.openCursor(t)) {
            boolean ok = c.get(from, GetOp.MDB_SET_RANGE);
            while (ok && n < limit) {
                if (c.key().length + c.val().length > 0) {
                    n++;
                }
                ok = c.next();
            }
        }
        return n;
    }

    @Override
    public void close() {
        if (env != null) {
            env.sync(true);
            env.close();
        }
    }
}
