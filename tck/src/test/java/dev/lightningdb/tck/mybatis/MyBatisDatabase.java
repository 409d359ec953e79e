package dev.lightningdb.tck.mybatis;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.apache.ibatis.io.Resources;
import org.apache.ibatis.jdbc.ScriptRunner;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;

/**
 * A fresh in-memory database of one kind, set up the way a MyBatis application sets itself up: the
 * schema run by MyBatis's {@link ScriptRunner}, then a {@link SqlSessionFactory} from
 * {@code mybatis/mybatis-config.xml} with MyBatis's pooled data source. An in-memory database lives
 * while a connection to it is open: one outside the pool keeps it from the first statement to
 * {@link #close()}, so the pool never sees a database without its schema (its ping reads a sequence).
 */
final class MyBatisDatabase implements AutoCloseable {
    /** The databases every MyBatis test runs on: ours, and H2 as the oracle. */
    enum Kind {
        LIGHTNING("dev.lightningdb.jdbc.LightningDriver", "jdbc:lightning:mem:"),
        H2("org.h2.Driver", "jdbc:h2:mem:");

        final String driver;
        final String urlPrefix;

        Kind(String driver, String urlPrefix) {
            this.driver = driver;
            this.urlPrefix = urlPrefix;
        }
    }

    final SqlSessionFactory factory;
    private final Connection keeper;

    MyBatisDatabase(Kind kind) throws SQLException {
        this(kind, "SELECT 1");
    }

    MyBatisDatabase(Kind kind, String pingQuery) throws SQLException {
        String url = kind.urlPrefix + "mybatis-" + UUID.randomUUID();
        keeper = DriverManager.getConnection(url);
        Properties properties = new Properties();
        properties.setProperty("driver", kind.driver);
        properties.setProperty("url", url);
        properties.setProperty("pingQuery", pingQuery);
        try (Reader schema = Resources.getResourceAsReader("mybatis/schema.sql");
                Reader config = Resources.getResourceAsReader("mybatis/mybatis-config.xml")) {
            ScriptRunner runner = new ScriptRunner(keeper);
            runner.setLogWriter(null);
            runner.setStopOnError(true);
            runner.runScript(schema);
            factory = new SqlSessionFactoryBuilder().build(config, properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PooledDataSource pool() {
        return (PooledDataSource) factory.getConfiguration().getEnvironment().getDataSource();
    }

    @Override
    public void close() throws SQLException {
        pool().forceCloseAll();
        keeper.close();
    }
}
