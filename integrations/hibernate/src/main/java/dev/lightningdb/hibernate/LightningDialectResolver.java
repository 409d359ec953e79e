package dev.lightningdb.hibernate;

import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Lets Hibernate pick {@link LightningDialect} by itself: Hibernate loads every
 * {@link DialectResolver} named in {@code META-INF/services} and asks it about the product name
 * the JDBC driver reports ({@code DatabaseMetaData.getDatabaseProductName()}).
 */
public final class LightningDialectResolver implements DialectResolver {
    static final String PRODUCT_NAME = "LightningDB";

    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
        return PRODUCT_NAME.equals(info.getDatabaseName()) ? new LightningDialect(info) : null;
    }
}
