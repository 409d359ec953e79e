/**
 * The words the engine shares with its users and between its own packages: errors ({@link
 * dev.lightningdb.engine.common.LightningDbException} and its {@link
 * dev.lightningdb.engine.common.ErrorCode}), {@link dev.lightningdb.engine.common.KeyRange},
 * {@link dev.lightningdb.engine.common.Cursor}, {@link
 * dev.lightningdb.engine.common.LightningDbConfig} with its modes, lock modes and isolation levels.
 *
 * <p>A leaf: it imports nothing else of the engine. The database and its transactions sit in the
 * parent package and use the inside packages; the inside packages use only this one of the API,
 * so no two packages depend on each other.
 */
package dev.lightningdb.engine.common;
