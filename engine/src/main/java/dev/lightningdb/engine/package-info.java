/**
 * LightningDB's storage engine: an embedded, transactional, ordered key/value store.
 *
 * <p>There are only a few public types: {@link dev.lightningdb.engine.LightningDb} (an open
 * database), {@link dev.lightningdb.engine.Transaction} (a unit of work), {@link
 * dev.lightningdb.engine.Cursor} (an ordered walk over a {@link dev.lightningdb.engine.KeyRange}),
 * {@link dev.lightningdb.engine.LightningDbConfig} (the knobs) and {@link
 * dev.lightningdb.engine.LightningDbException} with its {@link dev.lightningdb.engine.ErrorCode}.
 *
 * <p>Keys and values are byte arrays. Keys sort in unsigned lexicographic order. Arrays passed in
 * are copied or not retained past the call; arrays returned belong to the caller and stay valid
 * forever (the engine never reuses them). A cursor is valid until it is closed or its transaction
 * ends.
 *
 * <p>A database directory holds one data file of checksummed pages ({@code data.ldb}); in-memory
 * databases run the same paged code over memory. A cursor sees one consistent snapshot for as long
 * as it is open, and keeps the pages of that snapshot from being reused, so close cursors promptly.
 * Until the write-ahead log exists, commits become durable at {@link
 * dev.lightningdb.engine.LightningDb#checkpoint()} and {@link dev.lightningdb.engine.LightningDb#close()};
 * a crash returns the database to its last checkpoint.
 *
 * <p>The engine never sees SQL: the {@code sql} module maps tables onto key ranges.
 */
package dev.lightningdb.engine;
