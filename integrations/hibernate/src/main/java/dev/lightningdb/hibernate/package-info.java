/**
 * Hibernate ORM 6 support for LightningDB. Put {@code lightning-hibernate} next to the driver and
 * Hibernate chooses {@link dev.lightningdb.hibernate.LightningDialect} from the connection's product
 * name through {@link dev.lightningdb.hibernate.LightningDialectResolver} (registered in
 * {@code META-INF/services/org.hibernate.engine.jdbc.dialect.spi.DialectResolver}); no
 * {@code hibernate.dialect} setting is needed.
 *
 * <p>Prefer sequence ids ({@code @GeneratedValue} defaults to them): identity ids need the driver's
 * {@code getGeneratedKeys}. Use {@code @Version} for concurrency control: the dialect has no row
 * locks, and the engine does not detect write-write conflicts between transactions yet.
 */
package dev.lightningdb.hibernate;
