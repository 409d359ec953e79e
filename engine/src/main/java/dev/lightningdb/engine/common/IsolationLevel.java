package dev.lightningdb.engine.common;

/** What a transaction's reads may observe of concurrent commits. */
public enum IsolationLevel {
    /** Each read sees the latest committed state at the moment of the read. */
    READ_COMMITTED,
    /** Every read sees the state committed when the transaction began (plus its own writes). */
    SNAPSHOT,
    /**
     * Accepted for compatibility; today it gives {@link #SNAPSHOT} (write skew remains possible).
     */
    SERIALIZABLE
}
