/**
 * Runs statements. {@link dev.lightningdb.sql.exec.StatementRunners} chooses a runner per kind of
 * statement (one dispatch point); each runner works with a
 * {@link dev.lightningdb.sql.exec.StatementContext}: the database's shared parts, the catalog as
 * its session sees it, how to get a transaction, the statement's compiled queries, its parameters
 * and its cancel flag.
 *
 * <p>Invariants: nothing here imports {@code session} (an architecture test enforces it); a
 * statement computes every change and checks every constraint before it writes, so a failing
 * statement leaves its transaction as it was; rows are locked before they are written.
 */
package dev.lightningdb.sql.exec;
