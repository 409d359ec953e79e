package dev.lightningdb.engine.store.paged;

/** A tree version held for reading; see {@link PagedStore#pin}. Released once by {@link PagedStore#unpin}. */
public final class PinnedTree {
    final TreeState state;
    final ReaderTicket ticket;

    PinnedTree(TreeState state, ReaderTicket ticket) {
        this.state = state;
        this.ticket = ticket;
    }

    public long version() {
        return state.version();
    }
}
