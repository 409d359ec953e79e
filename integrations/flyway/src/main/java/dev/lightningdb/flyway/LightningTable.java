package dev.lightningdb.flyway;

import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.internal.database.base.Table;
import org.flywaydb.core.internal.jdbc.JdbcTemplate;

/**
 * A table; Flyway locks the schema history table while it migrates so that two runs never apply
 * the same migration. The lock is the database's lock in the JVM ({@link DatabaseLocks}).
 */
final class LightningTable extends Table<LightningDatabase, LightningSchema> {
    LightningTable(JdbcTemplate jdbcTemplate, LightningDatabase database, LightningSchema schema, String name) {
        super(jdbcTemplate, database, schema, name);
    }

    @Override
    protected boolean doExists() throws SQLException {
        return exists(null, schema, name);
    }

    @Override
    protected void doDrop() throws SQLException {
        jdbcTemplate.execute("DROP TABLE " + database.quote(schema.getName(), name) + " CASCADE"); // drops the foreign keys referencing it
    }

    @Override
    protected void doLock() throws SQLException {
        DatabaseLocks.of(jdbcTemplate.getConnection()).lock();
    }

    @Override
    protected void doUnlock() throws SQLException {
        ReentrantLock lock = DatabaseLocks.of(jdbcTemplate.getConnection());
        if (lock.isHeldByCurrentThread()) {
            lock.unlock();
        }
    }
}
