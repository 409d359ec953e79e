package dev.lightningdb.engine.io;

/** Waiting for the engine's background threads (merger, checkpointer, WAL flusher) to end. */
public final class BackgroundThreads {
    private BackgroundThreads() {
    }

    /**
     * Waits until {@code t} has ended, through interrupts. Returns whether the caller was
     * interrupted meanwhile and leaves its interrupt status clear: the caller restores it once its
     * own file work is done (an interrupted thread's file channel closes under it).
     */
    public static boolean join(Thread t) {
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }
}
