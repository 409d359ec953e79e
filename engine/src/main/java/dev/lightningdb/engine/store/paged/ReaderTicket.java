package dev.lightningdb.engine.store.paged;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One registration in the {@link ReaderRegistry}, ended exactly once: by a close, at a cursor's
 * end, or (for a cursor or pin nobody released) when it is garbage collected, so that a leak
 * cannot pin old pages forever.
 */
final class ReaderTicket implements Runnable {
    private final ReaderRegistry readers;
    private final long ticket;
    private final AtomicBoolean done = new AtomicBoolean();

    ReaderTicket(ReaderRegistry readers, long ticket) {
        this.readers = readers;
        this.ticket = ticket;
    }

    @Override
    public void run() {
        if (done.compareAndSet(false, true)) {
            readers.exit(ticket);
        }
    }
}
