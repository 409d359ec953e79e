/**
 * Liquibase extension for LightningDB. Put {@code lightning-liquibase} next to Liquibase 4 and it
 * recognizes {@code jdbc:lightning:} connections: nothing to configure beyond the URL.
 *
 * <ul>
 *   <li>{@link dev.lightningdb.liquibase.LightningDatabase}: registered in
 *       {@code META-INF/services/liquibase.database.Database}; chosen by the product name the
 *       driver reports; says what the dialect has (schemas, sequences, identity columns,
 *       transactional DDL) and reads the current schema from {@code Connection.getSchema()}.</li>
 *   <li>{@code ReservedWords}: the names Liquibase must quote.</li>
 * </ul>
 */
package dev.lightningdb.liquibase;
