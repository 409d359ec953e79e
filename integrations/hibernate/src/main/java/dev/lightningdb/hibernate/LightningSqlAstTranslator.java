package dev.lightningdb.hibernate;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.sql.ast.spi.StandardSqlAstTranslator;
import org.hibernate.sql.ast.tree.Statement;
import org.hibernate.sql.exec.spi.JdbcOperation;

/**
 * Hibernate's standard SQL rendering, except for the locking clause of queries and loads: the
 * standard translator writes {@code for update} for every pessimistic lock mode, LightningDB has
 * shared row locks, so {@code PESSIMISTIC_READ} becomes {@code for share} (as in Hibernate's
 * PostgreSQL translator). The rest of the clause is Hibernate's: {@code of <table alias>, ...} when
 * lock modes were set for some aliases only (the dialect's row lock strategy is {@code TABLE}), then
 * {@code nowait} for a lock timeout of 0 and {@code skip locked} for {@code SKIP_LOCKED}; no
 * {@code wait n} (the dialect does not support it). Paging goes before the clause
 * ({@code ... fetch first ? rows only for update skip locked}), which LightningDB accepts.
 *
 * <p>{@code PESSIMISTIC_WRITE} stays {@code for update}. Hibernate's PostgreSQL translator writes
 * {@code for no key update} there, the weaker PostgreSQL lock that lets foreign key checks
 * ({@code for key share}) through; LightningDB takes the same exclusive lock for both and enforces
 * no foreign keys, so the plain form is the one to read.
 *
 * <p>Hibernate 7 no longer asks the translator ({@code getForUpdate}, {@code getForShare} are gone
 * from it): its locking clause comes from the dialect's {@code getReadLockString}/{@code
 * getWriteLockString} overloads that take a {@code Timeout}, which give the same clauses.
 */
class LightningSqlAstTranslator<T extends JdbcOperation> extends StandardSqlAstTranslator<T> {
    LightningSqlAstTranslator(SessionFactoryImplementor sessionFactory, Statement statement) {
        super(sessionFactory, statement);
    }

    @Override
    protected String getForUpdate() {
        return " for update";
    }

    @Override
    protected String getForShare(int timeoutMillis) {
        return " for share";
    }
}
