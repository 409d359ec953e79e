/**
 * Flyway database plugin for LightningDB. Put {@code lightning-flyway} next to the driver and Flyway
 * recognizes {@code jdbc:lightning:} URLs: {@code Flyway.configure().dataSource("jdbc:lightning:./data/app", null, null).load().migrate()}.
 *
 * <ul>
 *   <li>{@link dev.lightningdb.flyway.LightningDatabaseType}: registered in
 *       {@code META-INF/services/org.flywaydb.core.extensibility.Plugin}; matches the URL and the
 *       product name; wraps each Flyway transaction in the database's lock.</li>
 *   <li>{@code LightningDatabase}: DDL is transactional, so each migration and its history row
 *       commit together and a failing migration leaves nothing behind; one connection per run.</li>
 *   <li>{@code LightningSchema}, {@code LightningTable}: read through {@code DatabaseMetaData};
 *       clean drops tables (with their indexes) and the sequences the driver lists.</li>
 *   <li>{@code DatabaseLocks}: why locking is a lock in the JVM.</li>
 * </ul>
 *
 * <p>Flyway's {@code schemas} / {@code defaultSchema} may name any schema: the driver's {@code setSchema}
 * makes it the connection's current schema.
 */
package dev.lightningdb.flyway;
