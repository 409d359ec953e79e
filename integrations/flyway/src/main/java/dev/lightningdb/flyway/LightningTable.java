package dev.lightningdb.flyway;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.internal.database.base.Table;
import org.flywaydb.core.internal.jdbc.JdbcTemplate;

/**
 * A table; Flyway locks the schema history table while it migrates so that two runs never apply
 * the same migration.
 *
 * <p>Why the lock lives in the JVM: the dialect has no {@code LOCK TABLE} or
 * {@code SELECT ... FOR UPDATE}, and the engine takes an exclusive file lock on its directory, so
 * only one process can have a database open at all. Two Flyway runs on one database are therefore
 * two threads of one JVM, and a lock per database URL and table, held from {@link #doLock()} to
 * {@link #doUnlock()}, excludes them as a table lock would. (Two different URL spellings of one
 * directory would get two locks; use one URL.)
 */
final class LightningTable extends Table<LightningDatabase, LightningSchema> {
    private static final Map<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    LightningTable(JdbcTemplate jdbcTemplate, LightningDatabase database, LightningSchema schema, String name) {
        super(jdbcTemplate, database, schema, name);
    }

    @Override
    protected boolean doExists() throws SQLException {
        return exists(null, schema, name);
    }

    @Override
    protected void doDrop() throws SQLException {
        jdbcTemplate.execute("DROP TABLE " + database.quote(schema.getName(), name));
    }

    @Override
    protected void doLock() throws SQLException {
        jvmLock().lock();
    }

    @Override
    protected void doUnlock() throws SQLException {
        ReentrantLock lock = jvmLock();
        if (lock.isHeldByCurrentThread()) {
            lock.unlock();
        }
    }

    private ReentrantLock jvmLock() throws SQLException {
        String key = database.getJdbcMetaData().getURL() + " " + schema.getName() + "." + name;
        return LOCKS.computeIfAbsent(key, k -> new ReentrantLock());
    }
}
