package dev.lightningdb.engine.common;

import dev.lightningdb.engine.Transaction;

/** How a transaction holds a key lock; see {@link Transaction#lock}. */
public enum LockMode {
    /** Many transactions may share it; it keeps writers out (a locking read: {@code FOR SHARE}). */
    SHARED,
    /** One transaction alone; every write takes it ({@code FOR UPDATE}, put, delete). */
    EXCLUSIVE
}
