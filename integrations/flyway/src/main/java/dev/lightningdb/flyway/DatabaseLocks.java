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
 * database open: two Flyway runs on one database are two threads of one JVM. The engine does not
 * detect write-write conflicts yet, so two runs creating the history table at once would both
 * succeed and one table would replace the other; holding this lock for each transaction makes the
 * second run see the first one's committed table (and fail its CREATE, which Flyway retries as
 * "already exists"). Reentrant, because Flyway nests its templates. Two different URL spellings of
 * one directory get two locks: use one URL.
 */
final class DatabaseLocks {
    private static final Map<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private DatabaseLocks() {
    }

    static ReentrantLock of(Connection connection) throws SQLException {
        return LOCKS.computeIfAbsent(connection.getMetaData().getURL(), url -> new ReentrantLock());
    }
}
