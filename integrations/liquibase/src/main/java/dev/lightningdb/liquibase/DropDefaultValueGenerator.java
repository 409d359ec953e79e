package dev.lightningdb.liquibase;

import liquibase.database.Database;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;
import liquibase.statement.core.DropDefaultValueStatement;

/**
 * dropDefaultValue as {@code ALTER TABLE t ALTER COLUMN c DROP DEFAULT}: the column then has no
 * default at all, where Liquibase's generic {@code SET DEFAULT NULL} would leave a default of NULL
 * in the catalog (and in {@code DatabaseMetaData.getColumns}).
 */
public final class DropDefaultValueGenerator extends LightningSqlGenerator<DropDefaultValueStatement> {
    @Override
    public Sql[] generateSql(DropDefaultValueStatement statement, Database database, SqlGeneratorChain<DropDefaultValueStatement> chain) {
        String table = database.escapeTableName(statement.getCatalogName(), statement.getSchemaName(), statement.getTableName());
        String column = database.escapeColumnName(statement.getCatalogName(), statement.getSchemaName(), statement.getTableName(),
                statement.getColumnName());
        return new Sql[] {new UnparsedSql("ALTER TABLE " + table + " ALTER COLUMN " + column + " DROP DEFAULT")};
    }
}
