package dev.lightningdb.flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per database, shared by every Flyway run in the JVM, held by each Flyway transaction
 * and by the schema history table lock.
 *
 * <p>Why a lock in the JVM: the dialect has no {@code LOCK TABLE} or {@code SELECT ... FOR UPDATE},
 * and the engine takes an exclusive file lock on its directory, so only one process can have a
 * database open: two Flyway runs on one database are two threads of one JVM. Without a lock both
 * would read the same history, apply the same migration, and the later commit would fail with a
 * serialization failure (first committer wins); holding this lock for each Flyway transaction makes
 * the second run wait, then see the first one's committed history and find nothing to do.
 * Reentrant, because Flyway nests its templates. Two different URL spellings of one directory get
 * two locks: use one URL.
 */
final class DatabaseLocks {
    private static final Map<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private DatabaseLocks() {
    }

    static ReentrantLock of(Connection connection) throws SQLException {
        return LOCKS.computeIfAbsent(connection.getMetaData().getURL(), url -> new ReentrantLock());
    }
}
