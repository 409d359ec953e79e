package dev.lightningdb.bench.kv;

import java.nio.file.Path;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * RocksDB through rocksdbjni, default options except the block cache size. Non-durable writes run
 * with the WAL off (the fastest write path RocksDB offers); durable ones with {@code sync=true}.
 */
final class RocksDbKv implements KvSystem {
    private Options options;
    private LRUCache cache;
    private RocksDB db;
    private WriteOptions fast;
    private WriteOptions durable;

    @Override
    public String id() {
        return "rocksdb";
    }

    @Override
    public String displayName() {
        return "RocksDB";
    }

    @Override
    public String settings(KvWorkload w) {
        String wal = w.durable() ? "WAL on, sync=true" : (w == KvWorkload.GET_HOT || w == KvWorkload.GET_COLD || w == KvWorkload.SCAN_100)
                ? "read only" : "WAL off";
        return wal + ", block cache " + (w == KvWorkload.GET_COLD ? "10%" : "2x data");
    }

    @Override
    public void open(Path dir, KvOptions o) throws RocksDBException {
        RocksDB.loadLibrary();
        cache = new LRUCache(o.cacheBytes());
        options = new Options().setCreateIfMissing(true)
                .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache));
        db = RocksDB.open(options, dir.toString());
        fast = new WriteOptions().setDisableWAL(true);
        durable = new WriteOptions().setSync(true);
    }

    @Override
    public byte[] get(byte[] key) {
        try {
            return db.get(key);
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void put(byte[] key, byte[] value) {
        write(fast, key, value);
    }

    @Override
    public void putBatch(byte[][] keys, byte[][] values) {
        try (WriteBatch b = new WriteBatch()) {
            for (int i = 0; i < keys.length; i++) {
                b.put(keys[i], values[i]);
            }
            db.write(fast, b);
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void durablePut(byte[] key, byte[] value) {
        write(durable, key, value);
    }

    private void write(WriteOptions w, byte[] key, byte[] value) {
        try {
            db.put(w, key, value);
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int scan(byte[] from, int limit) {
        int n = 0;
        try (RocksIterator it = db.newIterator()) {
            for (it.seek(from); n < limit && it.isValid(); it.next()) {
                if (it.key().length + it.value().length > 0) {
                    n++;
                }
            }
        }
        return n;
    }

    @Override
    public void close() throws RocksDBException {
        if (db == null) {
            return;
        }
        // Writes ran with the WAL off: flush the memtable so that the data (and the bytes on disk
        // the footprint reports) are really in the files.
        try (FlushOptions f = new FlushOptions().setWaitForFlush(true)) {
            db.flush(f);
        }
        db.closeE();
        fast.close();
        durable.close();
        options.close();
        cache.close();
    }
}
