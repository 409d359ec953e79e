package dev.lightningdb.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for a {@code jdbc:lightning:} URL, for frameworks that configure data sources
 * as beans ({@code setUrl}, or {@code setPath} for a directory). Each call opens a new connection on
 * the shared database; pool them with HikariCP or similar.
 */
public final class LightningDataSource extends JdbcObject implements DataSource {
    private volatile String url;
    private final Properties properties = new Properties();
    private volatile int loginTimeout;
    private volatile PrintWriter logWriter;

    public LightningDataSource() {
    }

    public LightningDataSource(String url) {
        this.url = url;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    /** Sets the URL to the database in directory {@code path}. */
    public void setPath(String path) {
        this.url = JdbcUrl.PREFIX + path;
    }

    /** Sets an engine knob by name (as a URL parameter would). */
    public void setProperty(String name, String value) {
        synchronized (properties) {
            properties.setProperty(name, value);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (url == null) {
            throw new SQLException("LightningDataSource has no URL: call setUrl(\"jdbc:lightning:...\") first", "08001");
        }
        Properties copy = new Properties();
        synchronized (properties) {
            copy.putAll(properties);
        }
        JdbcUrl parsed = JdbcUrl.parse(url, copy);
        return new LightningConnection(parsed, DatabaseRegistry.acquire(parsed));
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection(); // embedded: no users yet
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw Errors.unsupported("java.util.logging");
    }
}
