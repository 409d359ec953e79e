package dev.lightningdb.tck.hikari;

import dev.lightningdb.jdbc.LightningDataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The driver's data source, with each physical connection wrapped so that the test can count how
 * often the pool asks {@link Connection#isValid(int)} and how many connections it opened.
 */
final class CountingDataSource implements DataSource {
    private final LightningDataSource target;
    final AtomicInteger isValidCalls = new AtomicInteger();
    final AtomicInteger opened = new AtomicInteger();

    CountingDataSource(String url) {
        this.target = new LightningDataSource(url);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection physical = target.getConnection();
        opened.incrementAndGet();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("isValid")) {
                        isValidCalls.incrementAndGet();
                    }
                    try {
                        return method.invoke(physical, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
