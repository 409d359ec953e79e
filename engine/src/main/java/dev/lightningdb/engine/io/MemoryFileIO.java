package dev.lightningdb.engine.io;

import java.io.IOException;
import java.util.Arrays;

/**
 * A {@link FileIO} held in memory, in chunks so that a large file never needs one huge array.
 * {@link #force()} does nothing: the "disk" is the heap, gone when the object is.
 * Thread-safe by a plain monitor; it backs in-memory databases, whose page cache sits in front.
 */
public final class MemoryFileIO implements FileIO {
    private static final int CHUNK_BITS = 16;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private final String name;
    private byte[][] chunks = new byte[16][];
    private long size;
    private boolean closed;

    public MemoryFileIO(String name) {
        this.name = name;
    }

    @Override
    public synchronized int read(long position, byte[] buffer, int offset, int length) throws IOException {
        ensureOpen();
        int n = (int) Math.max(0, Math.min(length, size - position));
        for (int done = 0; done < n; ) {
            long p = position + done;
            int c = (int) (p >>> CHUNK_BITS);
            int within = (int) (p & (CHUNK - 1));
            int step = Math.min(n - done, CHUNK - within);
            byte[] chunk = c < chunks.length ? chunks[c] : null;
            if (chunk == null) {
                Arrays.fill(buffer, offset + done, offset + done + step, (byte) 0);
            } else {
                System.arraycopy(chunk, within, buffer, offset + done, step);
            }
            done += step;
        }
        return n;
    }

    @Override
    public synchronized void write(long position, byte[] buffer, int offset, int length) throws IOException {
        ensureOpen();
        if (length == 0) {
            return; // like a channel: writing nothing does not extend the file
        }
        for (int done = 0; done < length; ) {
            long p = position + done;
            int c = (int) (p >>> CHUNK_BITS);
            int within = (int) (p & (CHUNK - 1));
            int step = Math.min(length - done, CHUNK - within);
            if (c >= chunks.length) {
                chunks = Arrays.copyOf(chunks, Math.max(c + 1, chunks.length * 2));
            }
            if (chunks[c] == null) {
                chunks[c] = new byte[CHUNK];
            }
            System.arraycopy(buffer, offset + done, chunks[c], within, step);
            done += step;
        }
        size = Math.max(size, position + length);
    }

    @Override
    public synchronized void force() throws IOException {
        ensureOpen();
    }

    @Override
    public synchronized void truncate(long newSize) throws IOException {
        ensureOpen();
        if (newSize >= size) {
            return;
        }
        for (long p = newSize; p < size; ) {
            int c = (int) (p >>> CHUNK_BITS);
            int within = (int) (p & (CHUNK - 1));
            if (within == 0) {
                chunks[c] = null;
            } else if (chunks[c] != null) {
                Arrays.fill(chunks[c], within, CHUNK, (byte) 0);
            }
            p += CHUNK - within;
        }
        size = newSize;
    }

    @Override
    public synchronized long size() {
        return size;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException(name + " is closed");
        }
    }
}
