package dev.lightningdb.liquibase;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.sqlgenerator.SqlGeneratorChain;
import liquibase.sqlgenerator.core.AbstractSqlGenerator;
import liquibase.statement.SqlStatement;

/**
 * A generator that replaces Liquibase's generic SQL for one statement on LightningDB only (registered
 * in {@code META-INF/services/liquibase.sqlgenerator.SqlGenerator}; Liquibase picks the supporting
 * generator of highest priority). The statement's fields are checked by Liquibase's own generator.
 */
abstract class LightningSqlGenerator<T extends SqlStatement> extends AbstractSqlGenerator<T> {
    @Override
    public int getPriority() {
        return PRIORITY_DATABASE;
    }

    @Override
    public boolean supports(T statement, Database database) {
        return database instanceof LightningDatabase;
    }

    @Override
    public ValidationErrors validate(T statement, Database database, SqlGeneratorChain<T> chain) {
        return chain.validate(statement, database);
    }
}
