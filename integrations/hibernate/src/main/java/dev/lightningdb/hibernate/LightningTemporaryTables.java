package dev.lightningdb.hibernate;

import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.temptable.TemporaryTable;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.spi.RuntimeModelCreationContext;
import org.hibernate.query.sqm.mutation.internal.temptable.GlobalTemporaryTableInsertStrategy;
import org.hibernate.query.sqm.mutation.internal.temptable.GlobalTemporaryTableMutationStrategy;
import org.hibernate.query.sqm.mutation.spi.SqmMultiTableInsertStrategy;
import org.hibernate.query.sqm.mutation.spi.SqmMultiTableMutationStrategy;

/**
 * Hibernate's id tables for bulk mutations of multi-table entities (joined inheritance, secondary
 * tables) as GLOBAL TEMPORARY tables: made once with the schema ({@code create global temporary
 * table HT_... on commit delete rows}), each connection with rows of its own that never reach the
 * WAL, emptied after each use and at commit. GLOBAL rather than LOCAL because a global table needs
 * no {@code create} before each use, which Hibernate 6.6 and 7 ask of a dialect through methods of
 * different signatures; the constructors used here exist in both.
 */
final class LightningTemporaryTables {
    static final String CREATE_OPTIONS = "on commit delete rows";

    private LightningTemporaryTables() {
    }

    static SqmMultiTableMutationStrategy mutationStrategy(Dialect dialect, EntityMappingType entity, RuntimeModelCreationContext context) {
        TemporaryTable idTable = TemporaryTable.createIdTable(entity, name -> TemporaryTable.ID_TABLE_PREFIX + name, dialect, context);
        return new GlobalTemporaryTableMutationStrategy(idTable, context.getSessionFactory());
    }

    static SqmMultiTableInsertStrategy insertStrategy(Dialect dialect, EntityMappingType entity, RuntimeModelCreationContext context) {
        TemporaryTable entityTable = TemporaryTable.createEntityTable(entity, name -> TemporaryTable.ENTITY_TABLE_PREFIX + name, dialect,
                context);
        return new GlobalTemporaryTableInsertStrategy(entityTable, context.getSessionFactory());
    }
}
