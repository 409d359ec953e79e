package dev.lightningdb.sql.parser;

import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.parser.LightningSqlParser.ShowColumnsContext;
import dev.lightningdb.sql.parser.LightningSqlParser.ShowStatementContext;
import dev.lightningdb.sql.parser.LightningSqlParser.ShowTablesContext;

/**
 * {@code SHOW TABLES [FROM schema]}, {@code SHOW SCHEMAS} and {@code SHOW COLUMNS FROM t [FROM
 * schema]}: queries of INFORMATION_SCHEMA with the columns and order H2 answers them with.
 */
final class ShowBuilder {
    private static final String COLUMN_KEY = "(SELECT 1 FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE K"
            + " JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS T ON T.CONSTRAINT_SCHEMA = K.CONSTRAINT_SCHEMA"
            + " AND T.CONSTRAINT_NAME = K.CONSTRAINT_NAME AND T.TABLE_NAME = K.TABLE_NAME"
            + " WHERE K.TABLE_SCHEMA = C.TABLE_SCHEMA AND K.TABLE_NAME = C.TABLE_NAME AND K.COLUMN_NAME = C.COLUMN_NAME"
            + " AND T.CONSTRAINT_TYPE = '%s')";

    private ShowBuilder() {
    }

    static Statement build(ShowStatementContext ctx, SchemaNames names) {
        String sql;
        if (ctx instanceof ShowTablesContext t) {
            String schema = t.schema == null ? names.schema() : ExpressionBuilder.name(t.schema);
            sql = "SELECT TABLE_NAME, TABLE_SCHEMA FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = " + quote(schema)
                    + " ORDER BY TABLE_NAME";
        } else if (ctx instanceof ShowColumnsContext c) {
            QualifiedName table = names.table(c.tableName());
            String schema = c.schema == null ? table.schema() : ExpressionBuilder.name(c.schema);
            // the catalog does not keep whether DECIMAL or NUMERIC was written: DECIMAL, the more common
            sql = "SELECT C.COLUMN_NAME AS FIELD, CASE WHEN C.DATA_TYPE = 'NUMERIC' THEN 'DECIMAL' ELSE C.DATA_TYPE END"
                    + " || CASE WHEN C.CHARACTER_MAXIMUM_LENGTH IS NULL THEN '' ELSE '(' || CAST(C.CHARACTER_MAXIMUM_LENGTH AS VARCHAR) || ')' END"
                    + " || CASE WHEN C.DATA_TYPE = 'NUMERIC' THEN '(' || CAST(C.NUMERIC_PRECISION AS VARCHAR) || ', '"
                    + " || CAST(C.NUMERIC_SCALE AS VARCHAR) || ')' ELSE '' END AS TYPE,"
                    + " C.IS_NULLABLE AS \"NULL\","
                    + " CASE WHEN EXISTS " + COLUMN_KEY.formatted("PRIMARY KEY") + " THEN 'PRI'"
                    + " WHEN EXISTS " + COLUMN_KEY.formatted("UNIQUE") + " THEN 'UNI' ELSE '' END AS \"KEY\","
                    + " COALESCE(C.COLUMN_DEFAULT, 'NULL') AS \"DEFAULT\""
                    + " FROM INFORMATION_SCHEMA.COLUMNS C WHERE C.TABLE_SCHEMA = " + quote(schema)
                    + " AND C.TABLE_NAME = " + quote(table.name()) + " ORDER BY C.ORDINAL_POSITION";
        } else {
            sql = "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA ORDER BY SCHEMA_NAME";
        }
        return SqlParser.parse(sql, names.schema());
    }

    private static String quote(String name) {
        return "'" + name.replace("'", "''") + "'";
    }
}
