package dev.lightningdb.sql.session;

import dev.lightningdb.engine.Transaction;
import dev.lightningdb.sql.exec.TransactionScopes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The query results of a session that are still open, with the tables each reads: a schema change
 * of a table that an open result of the same transaction still reads would change the rows ahead
 * of it under the definition it decodes them with, so it is refused (as PostgreSQL refuses it, 55006).
 * Guarded by the session's lock.
 */
final class OpenReads {
    private record Open(Transaction transaction, Set<Integer> tables) {
    }

    private final List<Open> open = new ArrayList<>();

    /** A read scope over {@code t}, tracked until its result closes (under {@code lock}, the session's). */
    TransactionScopes.ReadScope track(Object lock, Transaction t) {
        Open o = new Open(t, new HashSet<>());
        open.add(o);
        return new TransactionScopes.ReadScope(t, () -> {
            synchronized (lock) {
                open.remove(o);
            }
        }, o.tables());
    }

    /** Whether a result of {@code t} that is still open reads table {@code tableId}. */
    boolean reading(Transaction t, int tableId) {
        for (Open o : open) {
            if (o.transaction() == t && o.tables().contains(tableId)) {
                return true;
            }
        }
        return false;
    }

    /** Forgets the results of an ended transaction (their cursors ended with it). */
    void clear(Transaction ended) {
        open.removeIf(o -> o.transaction() == ended);
    }
}
