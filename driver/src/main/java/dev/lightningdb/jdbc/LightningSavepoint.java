package dev.lightningdb.jdbc;

import dev.lightningdb.sql.session.Session;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * A JDBC savepoint: a {@link Session.Savepoint} with its JDBC id or name. Only the connection that
 * made it accepts it; the session decides whether it is still valid.
 */
final class LightningSavepoint implements Savepoint {
    private final LightningConnection owner;
    private final Session.Savepoint mark;
    private final int id;
    private final String name;

    LightningSavepoint(LightningConnection owner, Session.Savepoint mark, int id, String name) {
        this.owner = owner;
        this.mark = mark;
        this.id = id;
        this.name = name;
    }

    LightningConnection owner() {
        return owner;
    }

    Session.Savepoint mark() {
        return mark;
    }

    @Override
    public int getSavepointId() throws SQLException {
        if (name != null) {
            throw new SQLException("A named savepoint has no id (it is '" + name + "')", "3B001");
        }
        return id;
    }

    @Override
    public String getSavepointName() throws SQLException {
        if (name == null) {
            throw new SQLException("An unnamed savepoint has no name (its id is " + id + ")", "3B001");
        }
        return name;
    }

    @Override
    public String toString() {
        return name != null ? "Savepoint " + name : "Savepoint #" + id;
    }
}
