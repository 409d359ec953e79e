package dev.lightningdb.engine;

import dev.lightningdb.engine.io.FileIO;
import java.io.IOException;

/** A {@link FileIO} that passes every call on; fault-injecting files override only what they break. */
abstract class ForwardingFileIO implements FileIO {
    protected final FileIO delegate;

    ForwardingFileIO(FileIO delegate) {
        this.delegate = delegate;
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int length) throws IOException {
        return delegate.read(position, buffer, offset, length);
    }

    @Override
    public void write(long position, byte[] buffer, int offset, int length) throws IOException {
        delegate.write(position, buffer, offset, length);
    }

    @Override
    public void force() throws IOException {
        delegate.force();
    }

    @Override
    public void truncate(long size) throws IOException {
        delegate.truncate(size);
    }

    @Override
    public long size() throws IOException {
        return delegate.size();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
