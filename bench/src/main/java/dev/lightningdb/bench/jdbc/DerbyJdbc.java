package dev.lightningdb.bench.jdbc;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Apache Derby embedded. Derby forces its log at every commit by default, so the default is the
 * synchronous setting and there is no second variant. Its error log goes where the runner points
 * {@code derby.stream.error.file}, never into the working directory.
 */
final class DerbyJdbc implements JdbcSystem {
    private final boolean sync;

    DerbyJdbc(boolean sync) {
        this.sync = sync;
    }

    @Override
    public String id() {
        return sync ? "derby-sync" : "derby";
    }

    @Override
    public String displayName() {
        return "Derby";
    }

    @Override
    public boolean synchronousVariant() {
        return sync;
    }

    @Override
    public boolean fsyncPerCommit() {
        return true;
    }

    @Override
    public String durability() {
        return "default: log fsynced per commit";
    }

    @Override
    public String notApplicable() {
        return sync ? "its default already fsyncs every commit (see the default rows)" : null;
    }

    @Override
    public String url(Path dir) {
        return "jdbc:derby:" + dir.resolve("db") + ";create=true";
    }

    @Override
    public void shutdown(Path dir) throws SQLException {
        try {
            DriverManager.getConnection("jdbc:derby:" + dir.resolve("db") + ";shutdown=true").close();
        } catch (SQLException e) {
            if (!"08006".equals(e.getSQLState())) { // 08006: "Database ... shutdown", the success signal
                throw e;
            }
        }
    }
}
