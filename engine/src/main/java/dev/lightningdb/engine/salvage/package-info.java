/**
 * Salvage of damaged databases: {@link dev.lightningdb.engine.salvage.Salvage#recover} rebuilds a
 * clean database from whatever pages of a damaged data file still pass their checksums, plus the
 * intact prefix of its WAL, and says what it found in a {@link dev.lightningdb.engine.salvage.SalvageReport}.
 */
package dev.lightningdb.engine.salvage;
