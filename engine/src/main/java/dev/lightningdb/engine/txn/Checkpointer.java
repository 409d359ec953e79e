package dev.lightningdb.engine.txn;

import dev.lightningdb.engine.io.BackgroundThreads;
import dev.lightningdb.engine.store.paged.PagedStore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The thread that checkpoints the tree, so that the merger never waits for the disk: a
 * checkpoint's writes and forces run beside the next merges ({@link PagedStore#checkpoint}).
 *
 * <p>Invariants: requests are numbered by the merger, which {@link #submit}s a number only after
 * everything committed before that request was merged; a checkpoint that begins after the submit
 * therefore covers it, and the answered requests ({@link Progress}) only grow. Submits made while a checkpoint runs
 * are answered by the next one (which covers every merge up to its own start). A failed checkpoint
 * is retried every {@value #RETRY_MILLIS} ms; waiters are told of the failure rather than left
 * waiting for retries.
 */
final class Checkpointer implements AutoCloseable {
    private static final long RETRY_MILLIS = 100;

    private final PagedStore tree;
    private final Thread thread;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final LongAdder nanos = new LongAdder();
    private final LongAdder failures = new LongAdder();
    /** The highest request number submitted; lock. */
    private long wanted;
    /** Whether a submit waits for a checkpoint; lock. */
    private boolean due;
    /** The requests a durable checkpoint answered, the last failure, closing; lock. */
    private final Progress progress = new Progress(changed, "checkpoint");

    Checkpointer(PagedStore tree, int backgroundNice, String name) {
        this.tree = tree;
        this.thread = new Thread(() -> run(backgroundNice), "lightning-checkpoint " + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks for a checkpoint that answers requests up to {@code request}; does not wait. */
    void submit(long request) {
        lock.lock();
        try {
            wanted = Math.max(wanted, request);
            due = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until a checkpoint answered {@code request}, which must have been submitted. Throws
     * when a checkpoint fails meanwhile or the checkpointer closes.
     */
    void await(long request) {
        lock.lock();
        try {
            progress.await(request);
        } finally {
            lock.unlock();
        }
    }

    /** Checkpoints written and their total time, failures. */
    void addStats(java.util.Map<String, Long> m) {
        m.put("mvcc.checkpointMillis", TimeUnit.NANOSECONDS.toMillis(nanos.sum()));
        m.put("mvcc.checkpointFailures", failures.sum());
    }

    private void run(int backgroundNice) {
        BackgroundPriority.lowerCurrentThread(backgroundNice);
        while (true) {
            long request;
            lock.lock();
            try {
                while (!due) {
                    if (progress.isClosing()) {
                        return;
                    }
                    changed.awaitUninterruptibly();
                }
                if (progress.isClosing()) {
                    return; // closing the tree checkpoints
                }
                request = wanted;
                due = false;
            } finally {
                lock.unlock();
            }
            long start = System.nanoTime();
            try {
                tree.checkpoint();
                nanos.add(System.nanoTime() - start);
                lock.lock();
                try {
                    progress.answered(request);
                } finally {
                    lock.unlock();
                }
            } catch (RuntimeException | Error e) {
                failures.increment();
                lock.lock();
                try {
                    due = true; // retried, answering the same requests
                    progress.failed(e);
                    if (!progress.pauseBeforeRetry(RETRY_MILLIS)) {
                        return;
                    }
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** Stops the thread after the checkpoint it is writing, if any; waiters are told. */
    @Override
    public void close() {
        if (stop()) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@link #close} that returns whether the caller was interrupted, for {@link BackgroundThreads#join}'s reason. */
    boolean stop() {
        lock.lock();
        try {
            progress.close();
        } finally {
            lock.unlock();
        }
        return BackgroundThreads.join(thread);
    }
}
