package dev.lightningdb.engine.common;

/** When a commit's write-ahead log record is forced to stable storage. */
public enum WalSyncMode {
    /**
     * A background flusher forces the log every {@code walFlushInterval}: a crash may lose the
     * commits of that last interval (always a suffix of commits, never a partial one).
     */
    ASYNC,
    /** The commit returns only after its log record is forced; concurrent commits share one force. */
    SYNC,
    /**
     * No log: commits live in memory until the next checkpoint (a merge of the write buffer, a
     * timed or an explicit checkpoint, or close). A crash loses every commit after the last
     * checkpoint (a suffix, never part of one). For bulk loads and caches that can be rebuilt;
     * a log left by an earlier open is still recovered.
     */
    OFF
}
