package dev.lightningdb.engine.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;

/** {@link FileIO} on a {@link FileChannel}; positional operations are thread-safe. */
final class ChannelFileIO implements FileIO {
    private final Path path;
    private final FileChannel channel;

    private ChannelFileIO(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** Opens {@code path}; a file it creates is readable and writable by its owner only. */
    static ChannelFileIO open(Path path, boolean create, boolean readOnly) throws IOException {
        Set<OpenOption> options = new HashSet<>();
        options.add(StandardOpenOption.READ);
        if (!readOnly) {
            options.add(StandardOpenOption.WRITE);
            if (create) {
                options.add(StandardOpenOption.CREATE);
            }
        }
        FileAttribute<?>[] attributes = new FileAttribute<?>[0];
        if (create && !readOnly && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            attributes = new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new ChannelFileIO(path, FileChannel.open(path, options, attributes));
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int length) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(buffer, offset, length);
        int total = 0;
        while (bb.hasRemaining()) {
            int n = channel.read(bb, position + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    @Override
    public void write(long position, byte[] buffer, int offset, int length) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(buffer, offset, length);
        long p = position;
        while (bb.hasRemaining()) {
            p += channel.write(bb, p);
        }
    }

    /**
     * fdatasync, not fsync: the data and the metadata needed to read it back (the size, after a file
     * grew or was cut) become durable, but not the modification time, which nothing here reads and
     * whose forcing can cost a file-system journal commit on every WAL force.
     */
    @Override
    public void force() throws IOException {
        channel.force(false);
    }

    @Override
    public void truncate(long size) throws IOException {
        channel.truncate(size);
    }

    @Override
    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public String name() {
        return path.toString();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
