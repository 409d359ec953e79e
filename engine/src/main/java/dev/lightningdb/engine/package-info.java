/**
 * LightningDB's storage engine: an embedded, transactional, ordered key/value store.
 *
 * <p>The main types: {@link dev.lightningdb.engine.LightningDb} (an open database), {@link
 * dev.lightningdb.engine.Transaction} (a unit of work), {@link dev.lightningdb.engine.common.Cursor} (an
 * ordered walk over a {@link dev.lightningdb.engine.common.KeyRange}), {@link
 * dev.lightningdb.engine.common.LightningDbConfig} (the knobs) and {@link
 * dev.lightningdb.engine.common.LightningDbException} with its {@link dev.lightningdb.engine.common.ErrorCode};
 * {@link dev.lightningdb.engine.Retries} runs a transaction again when it conflicts. The words
 * the engine's parts share with its users (errors, key ranges, cursors, configuration, lock and
 * isolation modes) live in {@code common}, which imports nothing else of the engine, so that the
 * inside packages can use them without a package cycle; the other subpackages are the engine's
 * inside and no API.
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
 * On disk a commit becomes durable as {@link dev.lightningdb.engine.common.WalSyncMode} says: {@code SYNC}
 * before the commit returns, {@code ASYNC} within {@code walFlushInterval}, {@code OFF} (nothing
 * logged) at the next checkpoint; a crash loses at most a suffix of the commits, never part of
 * one. Opening a database replays its log.
 *
 * <p>Concurrency: readers never wait and never lock; they read a snapshot. Writers lock keys:
 * {@link dev.lightningdb.engine.Transaction#put put}, {@code delete} and {@code getForUpdate} take
 * a key's {@link dev.lightningdb.engine.common.LockMode#EXCLUSIVE} lock, {@link
 * dev.lightningdb.engine.Transaction#lock lock} takes a {@link dev.lightningdb.engine.common.LockMode}
 * with a {@link dev.lightningdb.engine.common.LockWait} policy (wait up to {@code lockTimeout}, NOWAIT, or
 * SKIP_LOCKED). Locks are held until the transaction ends, granted in arrival order, kept in memory
 * only, and named by a 64-bit hash of the key (two keys with one hash share a lock: a rare
 * spurious wait, never a missed one). A wait that would close a cycle fails at once with {@link
 * dev.lightningdb.engine.common.DeadlockException}; the single writes {@link
 * dev.lightningdb.engine.LightningDb#put} and {@code delete} wait for a key's holder too.
 *
 * <p>The engine never sees SQL: the {@code sql} module maps tables onto key ranges.
 */
package dev.lightningdb.engine;

import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.DeadlockException;
import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.engine.common.LockMode;
import dev.lightningdb.engine.common.LockWait;
import dev.lightningdb.engine.common.WalSyncMode;
