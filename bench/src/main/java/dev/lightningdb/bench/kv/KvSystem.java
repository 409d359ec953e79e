package dev.lightningdb.bench.kv;

import java.nio.file.Path;

/**
 * One key/value engine behind its own Java API. The benchmarks in {@link KvBench} speak only this
 * interface, so every engine runs exactly the same workload code. An adapter is cheap to construct
 * (nothing opens until {@link #open}), so the runner can ask it for labels and notes.
 *
 * <p>Implementations are used from many threads at once after {@link #open} returned; key and value
 * arrays passed in must not be modified by the adapter, and callers never modify arrays it returns
 * (some engines hand out their own).
 */
@SuppressWarnings("try") // close() throws Exception: adapters close JNI and JDBC resources with their own exceptions
public interface KvSystem extends AutoCloseable {
    /** Short id used on the command line and as the JMH parameter, e.g. {@code rocksdb}. */
    String id();

    /** Name shown in the tables, e.g. {@code RocksDB}. */
    String displayName();

    /** Whether this row is LightningDB itself (the numerator of every ratio). */
    default boolean isLightning() {
        return false;
    }

    /** Whether this system takes part in {@code workload}; peers of one workload only say false elsewhere. */
    default boolean runs(KvWorkload workload) {
        return true;
    }

    /** How this system is set up for {@code workload} (WAL, sync, cache): shown next to its numbers. */
    String settings(KvWorkload workload);

    /** Anything the reader must know to read the numbers honestly; empty if nothing. */
    default String note(KvWorkload workload) {
        return "";
    }

    /** Opens (creating if needed) the database in {@code dir}, an existing directory. */
    void open(Path dir, KvOptions options) throws Exception;

    /** The value of {@code key}, or null. */
    byte[] get(byte[] key);

    /** One write, not forced to disk (the engine's non-durable write path). */
    void put(byte[] key, byte[] value);

    /** Many writes in one batch or transaction, not forced to disk. */
    void putBatch(byte[][] keys, byte[][] values);

    /** One write committed with an fsync before it returns (where the engine can do that). */
    void durablePut(byte[] key, byte[] value);

    /**
     * Reads up to {@code limit} entries in key order starting at the first key {@code >= from},
     * touching every key and value, and returns how many it read.
     */
    int scan(byte[] from, int limit);

    /** Makes everything written durable and releases the database; called once. */
    @Override
    void close() throws Exception;
}
