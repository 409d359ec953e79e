package dev.lightningdb.liquibase;

import liquibase.database.Database;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;
import liquibase.statement.core.CreateDatabaseChangeLogTableStatement;
import liquibase.structure.DatabaseObject;

/**
 * DATABASECHANGELOG as LightningDB needs it:
 * <ul>
 *   <li>with a primary key, which Liquibase's own definition lacks (a table without one would be keyed
 *       by a hidden row id): the key is what names a change set in Liquibase (ID, AUTHOR, FILENAME),
 *       so a change set has one row, which a re-run updates, and is found by one key lookup;</li>
 *   <li>with IF NOT EXISTS: Liquibase creates the table before it takes its lock, so two clients
 *       starting together on a new database both find no table and both create it; the second
 *       CREATE is then a no-op instead of an error that stops that client.</li>
 * </ul>
 */
public final class ChangeLogTableGenerator extends LightningSqlGenerator<CreateDatabaseChangeLogTableStatement> {
    /** Liquibase's CREATE TABLE, made idempotent, with the key as its last element. */
    @Override
    public Sql[] generateSql(CreateDatabaseChangeLogTableStatement statement, Database database,
                             SqlGeneratorChain<CreateDatabaseChangeLogTableStatement> chain) {
        Sql[] standard = chain.generateSql(statement, database);
        Sql[] out = new Sql[standard.length];
        for (int i = 0; i < standard.length; i++) {
            String sql = standard[i].toSql();
            if (i == 0) {
                int end = sql.lastIndexOf(')');
                String key = database.escapeConstraintName("PK_" + database.getDatabaseChangeLogTableName());
                sql = sql.substring(0, end) + ", CONSTRAINT " + key + " PRIMARY KEY (ID, AUTHOR, FILENAME)" + sql.substring(end);
                sql = sql.replaceFirst("^CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ");
            }
            out[i] = new UnparsedSql(sql, standard[i].getEndDelimiter(), standard[i].getAffectedDatabaseObjects()
                    .toArray(new DatabaseObject[0]));
        }
        return out;
    }
}
