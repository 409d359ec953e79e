package dev.lightningdb.flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.database.base.BaseDatabaseType;
import org.flywaydb.core.internal.database.base.Database;
import org.flywaydb.core.internal.exception.FlywaySqlException;
import org.flywaydb.core.internal.jdbc.ExecutionTemplate;
import org.flywaydb.core.internal.jdbc.JdbcConnectionFactory;
import org.flywaydb.core.internal.jdbc.StatementInterceptor;
import org.flywaydb.core.internal.parser.Parser;
import org.flywaydb.core.internal.parser.ParsingContext;

/**
 * Flyway's entry point for LightningDB, found through
 * {@code META-INF/services/org.flywaydb.core.extensibility.Plugin}: Flyway asks every registered
 * type whether it handles a JDBC URL (before connecting) and a product name (after), and the one
 * that answers yes creates the {@link LightningDatabase} and the {@link LightningParser}.
 */
public final class LightningDatabaseType extends BaseDatabaseType {
    static final String PRODUCT_NAME = "LightningDB";

    @Override
    public String getName() {
        return PRODUCT_NAME;
    }

    @Override
    public int getNullType() {
        return Types.VARCHAR; // the driver accepts a typed NULL of any type for any column
    }

    @Override
    public boolean handlesJDBCUrl(String url) {
        return url.startsWith("jdbc:lightning:");
    }

    @Override
    public String getDriverClass(String url, ClassLoader classLoader) {
        return "dev.lightningdb.jdbc.LightningDriver";
    }

    @Override
    public boolean handlesDatabaseProductNameAndVersion(String databaseProductName, String databaseProductVersion,
                                                        Connection connection) {
        return databaseProductName.startsWith(PRODUCT_NAME);
    }

    @Override
    public Database<?> createDatabase(Configuration configuration, JdbcConnectionFactory jdbcConnectionFactory,
                                      StatementInterceptor statementInterceptor) {
        return new LightningDatabase(configuration, jdbcConnectionFactory, statementInterceptor);
    }

    /** Each Flyway transaction holds the database's lock in the JVM; see {@link DatabaseLocks}. */
    @Override
    public ExecutionTemplate createTransactionalExecutionTemplate(Connection connection, boolean rollbackOnException) {
        ExecutionTemplate transactional = super.createTransactionalExecutionTemplate(connection, rollbackOnException);
        return new ExecutionTemplate() {
            @Override
            public <T> T execute(Callable<T> callback) {
                ReentrantLock lock;
                try {
                    lock = DatabaseLocks.of(connection);
                } catch (SQLException e) {
                    throw new FlywaySqlException("Unable to read the database URL", e);
                }
                lock.lock();
                try {
                    return transactional.execute(callback);
                } finally {
                    lock.unlock();
                }
            }
        };
    }

    @Override
    public Parser createParser(Configuration configuration, ResourceProvider resourceProvider, ParsingContext parsingContext) {
        return new LightningParser(configuration, parsingContext);
    }
}
