package dev.lightningdb.engine.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The one door through which every byte the engine stores passes: positional reads and writes on
 * one file. A real implementation sits on {@link java.nio.channels.FileChannel} ({@link
 * ChannelFileIO}); {@link MemoryFileIO} backs in-memory databases; fault-injecting implementations
 * for tests wrap either of them.
 *
 * <p>Implementations are safe for concurrent use: positional reads may run in parallel with each
 * other and with writes to other positions. Nothing is durable until {@link #force()} returns.
 */
public interface FileIO extends AutoCloseable {
    /**
     * Reads up to {@code length} bytes at {@code position} into {@code buffer}; fewer only at the end
     * of the file.
     *
     * @return the number of bytes read, less than {@code length} only when the file ends first
     */
    int read(long position, byte[] buffer, int offset, int length) throws IOException;

    /** Writes all {@code length} bytes at {@code position}, growing the file if needed. */
    void write(long position, byte[] buffer, int offset, int length) throws IOException;

    /** Makes every write so far durable, with the size of the file (fdatasync). */
    void force() throws IOException;

    /** Cuts the file to {@code size} bytes (no effect when it is already shorter). */
    void truncate(long size) throws IOException;

    /** Current length in bytes. */
    long size() throws IOException;

    /** A name for messages: the path, or a label for a memory file. */
    String name();

    @Override
    void close() throws IOException;

    /**
     * Opens the file at a path; tests substitute their own to inject faults. A new database is
     * formatted through the opener under a temporary name ({@code data.ldb.new}) that is then
     * renamed on the real file system, so an opener must create a real file when {@code create} is
     * set; wrapping {@link ChannelFileIO} does.
     */
    @FunctionalInterface
    interface Opener {
        /**
         * Opens {@code path}, creating it (owner read/write only) when {@code create} is set and it is
         * missing; read-only when {@code readOnly}.
         */
        FileIO open(Path path, boolean create, boolean readOnly) throws IOException;
    }

    /** The opener for real files. */
    Opener CHANNEL = ChannelFileIO::open;

    /**
     * Closes {@code io} because {@code failure} ended its use, adding a failure to close to it;
     * returns {@code failure} for the caller to throw.
     */
    static RuntimeException closeAfter(FileIO io, RuntimeException failure) {
        try {
            io.close();
        } catch (IOException suppressed) {
            failure.addSuppressed(suppressed);
        }
        return failure;
    }
}
