package dev.lightningdb.engine.store;

import dev.lightningdb.engine.Cursor;
import dev.lightningdb.engine.IntegrityReport;
import dev.lightningdb.engine.KeyRange;
import java.util.Map;

/**
 * What stands beneath {@link dev.lightningdb.engine.LightningDb}: an ordered map of committed
 * data. Transactions buffer their writes above it and hand them down whole through {@link #apply}.
 *
 * <p>Invariants every implementation keeps:
 * <ol>
 *   <li>{@link #apply} is atomic: after a crash either all of a batch is present or none of it.
 *   <li>Only one thread calls {@link #apply} at a time (the database's commit lock); readers may
 *       call {@link #get} and {@link #scan} concurrently with it.
 *   <li>Returned arrays are fresh copies owned by the caller.
 * </ol>
 */
public interface Store extends AutoCloseable {
    /** The committed value of {@code key}, or null. */
    byte[] get(byte[] key);

    /** A cursor over committed entries in {@code range}, ascending or (reverse) descending. */
    Cursor scan(KeyRange range, boolean reverse);

    /**
     * Applies committed writes (ascending unique keys; a value identical to {@link WriteSet#TOMBSTONE}
     * deletes) atomically (invariant 1); {@code lsn} is its WAL record's LSN
     * (0 when there is no log), remembered so that the next checkpoint can say what it covers.
     */
    void apply(Iterable<Map.Entry<byte[], byte[]>> writes, long lsn);

    /** {@link #apply(Iterable, long)} for a transaction's write set. */
    default void apply(WriteSet writes, long lsn) {
        apply(writes.entries(), lsn);
    }

    /** Makes everything applied so far durable without the log. */
    void checkpoint();

    /** The LSN of the last write set the last durable checkpoint covers (0 for none). */
    long checkpointLsn();

    /** Walks the whole store and names every problem found; never throws for damage. */
    IntegrityReport verifyIntegrity();

    /** Counters by name, merged into {@link dev.lightningdb.engine.EngineStats}. */
    Map<String, Long> stats();

    @Override
    void close();
}
