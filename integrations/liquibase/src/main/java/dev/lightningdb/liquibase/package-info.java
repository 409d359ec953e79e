/**
 * Liquibase extension for LightningDB. Put {@code lightning-liquibase} next to Liquibase 4 and it
 * recognizes {@code jdbc:lightning:} connections: nothing to configure beyond the URL. Every class
 * is registered in a {@code META-INF/services} file and acts only when the database is LightningDB.
 *
 * <ul>
 *   <li>{@link dev.lightningdb.liquibase.LightningDatabase} ({@code liquibase.database.Database}):
 *       chosen by the product name the driver reports; says what the dialect has (schemas,
 *       sequences, identity columns, transactional DDL) and reads the current schema from
 *       {@code Connection.getSchema()}. {@code ReservedWords}: the names Liquibase must quote.</li>
 *   <li>SQL generators ({@code liquibase.sqlgenerator.SqlGenerator}), only where Liquibase's generic
 *       SQL does not fit the dialect: {@link dev.lightningdb.liquibase.ChangeLogTableGenerator}
 *       (DATABASECHANGELOG with a primary key, IF NOT EXISTS),
 *       {@link dev.lightningdb.liquibase.DropDefaultValueGenerator} (DROP DEFAULT),
 *       {@link dev.lightningdb.liquibase.DropIndexGenerator} (the schema before the index name).</li>
 *   <li>{@link dev.lightningdb.liquibase.TimestampType} ({@code liquibase.datatype.LiquibaseDataType}):
 *       {@code datetime} as TIMESTAMP.</li>
 * </ul>
 */
package dev.lightningdb.liquibase;
