package dev.lightningdb.sql.result;

/**
 * The number of rows a DML statement changed; 0 for DDL and maintenance statements.
 *
 * @param generatedKeys the values a {@link KeyRequest} asked for (already complete), or null when
 *     nothing was asked for or generated
 */
public record UpdateCount(long count, QueryResult generatedKeys) implements Result {
    public UpdateCount(long count) {
        this(count, null);
    }
}
