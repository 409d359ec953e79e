package dev.lightningdb.sql.exec;

/** The number of rows a DML statement changed; 0 for DDL and maintenance statements. */
public record UpdateCount(long count) implements Result {
}
