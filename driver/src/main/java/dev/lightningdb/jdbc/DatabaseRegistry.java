package dev.lightningdb.jdbc;

import dev.lightningdb.engine.LightningDb;
import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.sql.result.SqlError;
import dev.lightningdb.sql.session.Database;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * One open database per path (or memory name) per JVM, shared by all its connections and closed
 * when the last of them closes. Settings take effect when the database is opened; a connection to an
 * already-open database with different settings gets the open one.
 *
 * <p>Invariant: {@code open.get(key).users} equals the number of handles acquired and not yet released.
 */
final class DatabaseRegistry {
    private static final Map<String, Entry> OPEN = new HashMap<>();

    private static final class Entry {
        final Database database;
        int users;

        Entry(Database database) {
            this.database = database;
        }
    }

    private DatabaseRegistry() {
    }

    /** A handle on the database of {@code url}, opening it if no connection has it open. */
    static Handle acquire(JdbcUrl url) throws SQLException {
        synchronized (OPEN) {
            Entry e = OPEN.get(url.key());
            if (e != null && e.database.engine().isClosed()) {
                OPEN.remove(url.key());
                e = null;
            }
            if (e == null) {
                LightningDbConfig config = url.config();
                try {
                    LightningDb engine = url.inMemory() ? LightningDb.inMemory(config) : LightningDb.open(url.path(), config);
                    try {
                        e = new Entry(Database.open(engine));
                    } catch (RuntimeException ex) {
                        engine.close();
                        throw ex;
                    }
                } catch (LightningDbException | SqlError ex) {
                    throw Errors.translate(ex);
                }
                OPEN.put(url.key(), e);
            }
            e.users++;
            return new Handle(url.key(), e.database);
        }
    }

    /** One connection's claim on an open database; release it exactly once. */
    static final class Handle {
        private final String key;
        private final Database database;
        private boolean released;

        Handle(String key, Database database) {
            this.key = key;
            this.database = database;
        }

        Database database() {
            return database;
        }

        /** Drops the claim; the last one closes the database. */
        void release() {
            synchronized (OPEN) {
                if (released) {
                    return;
                }
                released = true;
                Entry e = OPEN.get(key);
                if (e == null || e.database != database) {
                    return; // already closed (SHUTDOWN) and possibly reopened
                }
                if (--e.users == 0) {
                    OPEN.remove(key);
                    database.close();
                }
            }
        }
    }
}
