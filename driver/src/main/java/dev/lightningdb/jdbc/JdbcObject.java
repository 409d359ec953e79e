package dev.lightningdb.jdbc;

import java.sql.SQLException;
import java.sql.Wrapper;

/** {@link Wrapper} for every driver object: each unwraps to itself and its interfaces. */
abstract class JdbcObject implements Wrapper {
    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface != null && iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException(getClass().getSimpleName() + " does not wrap " + iface, "HY000");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface != null && iface.isInstance(this);
    }
}
