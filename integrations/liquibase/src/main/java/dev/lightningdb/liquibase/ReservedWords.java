package dev.lightningdb.liquibase;

import java.util.List;

/**
 * The keywords of LightningDB's grammar that cannot be names unquoted (the grammar's keywords less
 * its {@code nonReserved} rule). Liquibase quotes a table or column name that is one of them.
 */
final class ReservedWords {
    static final List<String> ALL = List.of(
            "ADD", "ALL", "ALTER", "AND", "AS", "ASC", "AUTO_INCREMENT", "BETWEEN", "BIGINT", "BINARY", "BOOLEAN",
            "BY", "CASE", "CAST", "CHAR", "CHARACTER", "CHECK", "CONSTRAINT", "COUNT", "CREATE", "CROSS",
            "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "DECIMAL", "DEFAULT", "DELETE", "DESC", "DISTINCT",
            "DOUBLE", "DROP", "ELSE", "END", "EXCEPT", "EXISTS", "FALSE", "FETCH", "FLOAT", "FOR", "FOREIGN", "FROM",
            "FULL", "GROUP", "HAVING", "IF", "IN", "INNER", "INSERT", "INT", "INTEGER", "INTERSECT", "INTO", "IS",
            "JOIN", "LEFT", "LIKE", "LIMIT", "MINUS", "NOT", "NULL", "NUMERIC", "OFFSET", "ON", "OR", "ORDER", "OUTER",
            "PRIMARY", "REAL", "REFERENCES", "RIGHT", "SELECT", "SET", "SMALLINT", "TABLE", "THEN", "TINYINT",
            "TRUE", "TRUNCATE", "UNION", "UNIQUE", "UPDATE", "VALUES", "VARBINARY", "VARCHAR", "WHEN", "WHERE",
            "WITH");

    private ReservedWords() {
    }
}
