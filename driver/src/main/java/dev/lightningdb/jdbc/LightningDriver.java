package dev.lightningdb.jdbc;

import dev.lightningdb.engine.common.LightningDbConfig;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The JDBC driver: {@code jdbc:lightning:<path>} and {@code jdbc:lightning:mem:<name>}. Registered
 * with {@link DriverManager} through {@code META-INF/services/java.sql.Driver} and when this class
 * loads. Class name for tools' "add driver" dialogs: {@code dev.lightningdb.jdbc.LightningDriver}.
 */
public final class LightningDriver implements Driver {
    static final String VERSION = readVersion();
    private static final LightningDriver INSTANCE = new LightningDriver();

    static {
        try {
            DriverManager.registerDriver(INSTANCE);
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null; // JDBC: not ours, let DriverManager try the next driver
        }
        JdbcUrl parsed = JdbcUrl.parse(url, info);
        return new LightningConnection(parsed, DatabaseRegistry.acquire(parsed));
    }

    @Override
    public boolean acceptsURL(String url) {
        return JdbcUrl.accepts(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        List<DriverPropertyInfo> out = new ArrayList<>();
        for (Map.Entry<String, String> e : LightningDbConfig.defaults().asMap().entrySet()) {
            DriverPropertyInfo p = new DriverPropertyInfo(e.getKey(), info == null ? null : info.getProperty(e.getKey()));
            p.description = "engine setting, default " + e.getValue();
            out.add(p);
        }
        DriverPropertyInfo integrity = new DriverPropertyInfo(JdbcUrl.REFERENTIAL_INTEGRITY,
                info == null ? null : info.getProperty(JdbcUrl.REFERENTIAL_INTEGRITY));
        integrity.description = "connection setting, default true: false leaves foreign keys unchecked (SET REFERENTIAL_INTEGRITY)";
        integrity.choices = new String[] {"true", "false"};
        out.add(integrity);
        return out.toArray(new DriverPropertyInfo[0]);
    }

    @Override
    public int getMajorVersion() {
        return versionPart(0);
    }

    @Override
    public int getMinorVersion() {
        return versionPart(1);
    }

    /** Not JDBC compliant: the SQL dialect does not yet cover SQL-92 Entry Level in full. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw Errors.unsupported("java.util.logging");
    }

    static int versionPart(int index) {
        String[] parts = VERSION.split("[.-]");
        try {
            return index < parts.length ? Integer.parseInt(parts[index]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String readVersion() {
        try (InputStream in = LightningDriver.class.getResourceAsStream("driver.properties")) {
            if (in == null) {
                return "0.0.0";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "0.0.0");
        } catch (IOException e) {
            return "0.0.0";
        }
    }
}
