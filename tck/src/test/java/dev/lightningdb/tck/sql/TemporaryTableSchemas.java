package dev.lightningdb.tck.sql;

/**
 * With {@link Feature#TEMPORARY_TABLES} on, table {@value #TEMPORARY_TABLE} of every generated schema
 * is created as a LOCAL TEMPORARY table on both databases, so that the generated queries join
 * temporary and permanent tables and the generated DML writes rows that live in the connection's
 * own store.
 */
final class TemporaryTableSchemas {
    static final String TEMPORARY_TABLE = "T1";
    private static final String CREATE = "CREATE TABLE ";

    private TemporaryTableSchemas() {
    }

    /** Whether {@code table} is made temporary: a foreign key may then join it only to itself (as in PostgreSQL). */
    static boolean isTemporary(Schema.Table table) {
        return Feature.TEMPORARY_TABLES.on() && table.name().equals(TEMPORARY_TABLE);
    }

    /** {@code sql}, a setup statement, with the temporary table's CREATE made temporary. */
    static String setup(String sql) {
        if (Feature.TEMPORARY_TABLES.on() && sql.startsWith(CREATE + TEMPORARY_TABLE + " ")) {
            return "CREATE LOCAL TEMPORARY TABLE " + sql.substring(CREATE.length());
        }
        return sql;
    }
}
