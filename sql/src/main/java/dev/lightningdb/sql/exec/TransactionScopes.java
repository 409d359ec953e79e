package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.Transaction;
import java.util.Set;
import java.util.function.Function;

/**
 * How a statement gets its transaction. The session decides (a transaction of the statement's own
 * in auto-commit mode, else the session's); an executor only says whether it reads or writes.
 */
public interface TransactionScopes {
    /**
     * The transaction a query reads through, what to do when its result closes, and the ids of the
     * tables the result reads (filled as its scans open; see {@link #reading}).
     */
    record ReadScope(Transaction transaction, Runnable onClose, Set<Integer> tables) {
    }

    /**
     * The transaction a query reads through. A query that reads once ({@code oneRead}: a single key
     * lookup or one cursor) is consistent by itself and needs no statement snapshot.
     */
    ReadScope read(boolean oneRead);

    /**
     * Runs a writing statement in its transaction; in auto-commit mode commits it, and runs it again
     * after a lost write-write conflict, so {@code work} must have no effect outside the
     * transaction it is given.
     */
    <T> T write(Function<Transaction, T> work);

    /**
     * Whether a query result of the session transaction that is still open reads table {@code
     * tableId}: it decodes the rows ahead of it with the table's definition, which a schema change
     * of the table in the same transaction must therefore leave alone.
     */
    boolean reading(int tableId);
}
