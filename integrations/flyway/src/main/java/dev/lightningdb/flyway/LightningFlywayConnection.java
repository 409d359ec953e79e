package dev.lightningdb.flyway;

import java.sql.SQLException;
import org.flywaydb.core.internal.database.base.Connection;
import org.flywaydb.core.internal.database.base.Schema;

/** Flyway's view of one JDBC connection: the current schema is the connection's. */
final class LightningFlywayConnection extends Connection<LightningDatabase> {
    LightningFlywayConnection(LightningDatabase database, java.sql.Connection connection) {
        super(database, connection);
    }

    @Override
    protected String getCurrentSchemaNameOrSearchPath() throws SQLException {
        return getJdbcConnection().getSchema();
    }

    /** Any schema that exists (CREATE SCHEMA); one that does not is SQLState 3F000. */
    @Override
    protected void doChangeCurrentSchemaOrSearchPathTo(String schema) throws SQLException {
        getJdbcConnection().setSchema(schema);
    }

    @Override
    public Schema<?, ?> getSchema(String name) {
        return new LightningSchema(jdbcTemplate, database, name);
    }
}
