/**
 * Hibernate ORM 6.6 and 7 support for LightningDB (one jar for both). Put {@code lightning-hibernate}
 * next to the driver and Hibernate chooses {@link dev.lightningdb.hibernate.LightningDialect} from
 * the connection's product name through {@link dev.lightningdb.hibernate.LightningDialectResolver} (registered in
 * {@code META-INF/services/org.hibernate.engine.jdbc.dialect.spi.DialectResolver}); no
 * {@code hibernate.dialect} setting is needed.
 *
 * <p>Sequence ids are the native generator ({@code @GeneratedValue}); identity ids come back through
 * the driver's {@code getGeneratedKeys}.
 *
 * <p>Pessimistic locks are row locks, as on PostgreSQL: {@code LockModeType.PESSIMISTIC_WRITE} is
 * {@code select ... for update}, {@code PESSIMISTIC_READ} is {@code for share}; the lock timeout hint
 * {@code jakarta.persistence.lock.timeout} of 0 adds {@code nowait} and -2 ({@code SKIP_LOCKED})
 * {@code skip locked}. A positive hint is not a per-statement timeout here: a lock waits up to the
 * database's {@code lockTimeout} (default 10 s; {@code jdbc:lightning:./data/app?lockTimeout=2s}).
 * A lock not granted throws JPA's {@code LockTimeoutException} and leaves the transaction usable;
 * a deadlock victim's transaction is rolled back ({@code OptimisticLockException} in JPA, caused by
 * Hibernate's {@code LockAcquisitionException}, SQLState 40P01): retry it. Without locks, use
 * {@code @Version} for optimistic concurrency control.
 */
package dev.lightningdb.hibernate;
