package dev.lightningdb.bench.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The connections a trial's clients opened (from their own threads), closed together when the trial ends. */
final class OpenConnections {
    private final List<Connection> connections = new ArrayList<>();

    synchronized Connection add(Connection c) {
        connections.add(c);
        return c;
    }

    synchronized void closeAll() throws SQLException {
        for (Connection c : connections) {
            c.close();
        }
        connections.clear();
    }
}
