package dev.lightningdb.liquibase;

import liquibase.database.Database;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;
import liquibase.statement.core.DropIndexStatement;
import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Index;
import liquibase.structure.core.Schema;

/**
 * dropIndex as {@code DROP INDEX schema.name} when the table has a schema: index names are bare in
 * LightningDatabase (CREATE INDEX takes no schema), and DROP INDEX looks a bare name up in the
 * connection's schema.
 */
public final class DropIndexGenerator extends LightningSqlGenerator<DropIndexStatement> {
    @Override
    public Sql[] generateSql(DropIndexStatement statement, Database database, SqlGeneratorChain<DropIndexStatement> chain) {
        Sql[] generic = chain.generateSql(statement, database); // none for an index that belongs to a key or constraint
        if (generic.length == 0) {
            return generic;
        }
        String schema = statement.getTableSchemaName();
        String index = database.escapeObjectName(statement.getIndexName(), Index.class);
        String name = schema == null || schema.isBlank() ? index : database.escapeObjectName(schema, Schema.class) + "." + index;
        return new Sql[] {new UnparsedSql("DROP INDEX " + name, generic[0].getAffectedDatabaseObjects().toArray(new DatabaseObject[0]))};
    }
}
