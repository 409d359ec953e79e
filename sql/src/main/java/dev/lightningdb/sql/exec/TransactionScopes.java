package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.Transaction;
import java.util.function.Function;

/**
 * How a statement gets its transaction. The session decides (a transaction of the statement's own
 * in auto-commit mode, else the session's); an executor only says whether it reads or writes.
 */
public interface TransactionScopes {
    /** The transaction a query reads through, and what to do when its result closes. */
    record ReadScope(Transaction transaction, Runnable onClose) {
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
}
