package dev.lightningdb.engine;

/** Work run inside a transaction by {@link LightningDb#inTransaction}; may run more than once. */
@FunctionalInterface
public interface TransactionWork<T> {
    T run(Transaction txn);
}
