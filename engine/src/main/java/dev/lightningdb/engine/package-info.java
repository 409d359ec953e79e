/**
 * LightningDB's storage engine: an embedded, transactional, ordered key/value store.
 *
 * <p>The main types: {@link dev.lightningdb.engine.LightningDb} (an open database), {@link
 * dev.lightningdb.engine.Transaction} (a unit of work), {@link dev.lightningdb.engine.Cursor} (an
 * ordered walk over a {@link dev.lightningdb.engine.KeyRange}), {@link
 * dev.lightningdb.engine.LightningDbConfig} (the knobs) and {@link
 * dev.lightningdb.engine.LightningDbException} with its {@link dev.lightningdb.engine.ErrorCode};
 * {@link dev.lightningdb.engine.Retries} runs a transaction again when it conflicts. The
 * subpackages are the engine's inside and no API.
 *
 * <p>Keys and values are byte arrays. Keys sort in unsigned lexicographic order. Arrays passed in
 * are copied or not retained past the call; arrays returned belong to the caller and stay valid
 * forever (the engine never reuses them). A cursor is valid until it is closed or its transaction
 * ends.
 *
 * <p>A database directory holds a data file of checksummed pages ({@code data.ldb}), the segments
 * of its write-ahead log and a lock file; in-memory databases run the same paged code over memory,
 * without a log. A cursor sees one consistent snapshot for as long
 * as it is open, and keeps the pages of that snapshot from being reused, so close cursors promptly.
 * On disk a commit becomes durable as {@link dev.lightningdb.engine.WalSyncMode} says: {@code SYNC}
 * before the commit returns, {@code ASYNC} within {@code walFlushInterval}, {@code OFF} (nothing
 * logged) at the next checkpoint; a crash loses at most a suffix of the commits, never part of
 * one. Opening a database replays its log.
 *
 * <p>Concurrency: readers never wait and never lock; they read a snapshot. Writers lock keys:
 * {@link dev.lightningdb.engine.Transaction#put put}, {@code delete} and {@code getForUpdate} take
 * a key's {@link dev.lightningdb.engine.LockMode#EXCLUSIVE} lock, {@link
 * dev.lightningdb.engine.Transaction#lock lock} takes a {@link dev.lightningdb.engine.LockMode}
 * with a {@link dev.lightningdb.engine.LockWait} policy (wait up to {@code lockTimeout}, NOWAIT, or
 * SKIP_LOCKED). Locks are held until the transaction ends, granted in arrival order, kept in memory
 * only, and named by a 64-bit hash of the key (two keys with one hash share a lock: a rare
 * spurious wait, never a missed one). A wait that would close a cycle fails at once with {@link
 * dev.lightningdb.engine.DeadlockException}; the single writes {@link
 * dev.lightningdb.engine.LightningDb#put} and {@code delete} wait for a key's holder too.
 *
 * <p>The engine never sees SQL: the {@code sql} module maps tables onto key ranges.
 */
package dev.lightningdb.engine;
