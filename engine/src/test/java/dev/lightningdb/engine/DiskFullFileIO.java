package dev.lightningdb.engine;

import dev.lightningdb.engine.io.FileIO;
import java.io.IOException;

/**
 * Real files whose disk "fills up" at the n-th write, counted over every file of one database
 * (data file and WAL segments): that write and every later one fail with "No space left on
 * device" until {@link Disk#lift()} frees space. Reads and truncations keep working, as they do
 * on a full disk. With {@code forces} set, forces count and fail too (a file system that
 * allocates at write-back reports ENOSPC from fsync).
 */
final class DiskFullFileIO extends ForwardingFileIO {
    /** The shared disk: its write counter and whether it is full. */
    static final class Disk {
        private final long fullAt;
        private final boolean forces;
        private long writes;
        private boolean lifted;
        private boolean hit;

        /** {@code fullAt}: the 1-based write (or force, when {@code forces}) that finds the disk full; 0 or less: never. */
        Disk(long fullAt, boolean forces) {
            this.fullAt = fullAt;
            this.forces = forces;
        }

        synchronized void beforeForce(String file) throws IOException {
            if (forces) {
                beforeWrite(file);
            }
        }

        synchronized void beforeWrite(String file) throws IOException {
            writes++;
            if (!lifted && fullAt > 0 && writes >= fullAt) {
                hit = true;
                throw new IOException("No space left on device (injected at write " + writes + ", " + file + ")");
            }
        }

        /** Space was freed: writes succeed again. */
        synchronized void lift() {
            lifted = true;
        }

        /** Writes (and forces, when counted) attempted so far, failed ones included. */
        synchronized long writes() {
            return writes;
        }

        /** Whether a write found the disk full. */
        synchronized boolean hit() {
            return hit;
        }

        FileIO.Opener opener() {
            return (path, create, readOnly) -> new DiskFullFileIO(FileIO.CHANNEL.open(path, create, readOnly), this);
        }
    }
    private final Disk disk;

    private DiskFullFileIO(FileIO delegate, Disk disk) {
        super(delegate);
        this.disk = disk;
    }

    @Override
    public void write(long position, byte[] buffer, int offset, int length) throws IOException {
        disk.beforeWrite(delegate.name());
        delegate.write(position, buffer, offset, length);
    }

    @Override
    public void force() throws IOException {
        disk.beforeForce(delegate.name());
        delegate.force();
    }



}
