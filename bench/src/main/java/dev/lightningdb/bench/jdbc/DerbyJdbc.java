package dev.lightningdb.bench.jdbc;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Apache Derby embedded. Derby forces its log at every commit by default, so the default is the
 * synchronous setting and there is no second variant. Its error log goes where the runner points
 * {@code derby.stream.error.file}, never into the working directory.
 */
final class DerbyJdbc extends FsyncByDefaultJdbc {
    DerbyJdbc(boolean sync) {
        super(sync, "derby", "Derby", "default: log fsynced per commit");
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
