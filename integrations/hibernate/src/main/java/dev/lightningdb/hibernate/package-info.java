/**
 * Hibernate ORM 6 support for LightningDB. Put {@code lightning-hibernate} next to the driver and
 * Hibernate chooses {@link dev.lightningdb.hibernate.LightningDialect} from the connection's product
 * name through {@link dev.lightningdb.hibernate.LightningDialectResolver} (registered in
 * {@code META-INF/services/org.hibernate.engine.jdbc.dialect.spi.DialectResolver}); no
 * {@code hibernate.dialect} setting is needed.
 *
 * <p>Sequence ids are the native generator ({@code @GeneratedValue}); identity ids come back through
 * the driver's {@code getGeneratedKeys}. Use {@code @Version} for concurrency control: the dialect
 * has no row locks. Two transactions that both write a row before either commits: the later commit
 * fails (first committer wins) with a {@code TransactionException} caused by SQLState 40001;
 * retry the whole transaction.
 */
package dev.lightningdb.hibernate;
