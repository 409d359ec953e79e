package dev.lightningdb.sql.result;

/** What executing a statement produced: rows ({@link QueryResult}) or a count ({@link UpdateCount}). */
public sealed interface Result permits QueryResult, UpdateCount {
}
