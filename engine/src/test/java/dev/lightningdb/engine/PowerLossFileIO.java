package dev.lightningdb.engine;

import dev.lightningdb.engine.io.FileIO;
import dev.lightningdb.engine.io.MemoryFileIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A {@link FileIO} that remembers which writes were forced, and "loses power" after a set number of
 * writes and forces: from then on every call fails, and {@link #crashImage} gives the file as a disk
 * might hold it afterwards: everything forced, plus any subset of the unforced writes, some torn.
 */
final class PowerLossFileIO implements FileIO {
    private record Write(long position, byte[] bytes) {
    }

    private final String name;
    private final MemoryFileIO current;
    private final MemoryFileIO durable;
    private final List<Write> pending = new ArrayList<>();
    private long opsLeft;
    private boolean crashed;

    private PowerLossFileIO(String name, byte[] content, long crashAfter) throws IOException {
        this.name = name;
        this.current = new MemoryFileIO(name);
        this.durable = new MemoryFileIO(name + " (durable)");
        current.write(0, content, 0, content.length);
        durable.write(0, content, 0, content.length);
        this.opsLeft = crashAfter;
    }

    /** Loads {@code path} into memory; power fails after {@code crashAfter} writes and forces. */
    static PowerLossFileIO load(Path path, long crashAfter) throws IOException {
        return new PowerLossFileIO(path.toString(), Files.readAllBytes(path), crashAfter);
    }

    boolean crashed() {
        return crashed;
    }

    private void tick() throws IOException {
        if (crashed || --opsLeft < 0) {
            crashed = true;
            throw new IOException("simulated power loss");
        }
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int length) throws IOException {
        if (crashed) {
            throw new IOException("simulated power loss");
        }
        return current.read(position, buffer, offset, length);
    }

    @Override
    public void write(long position, byte[] buffer, int offset, int length) throws IOException {
        tick();
        current.write(position, buffer, offset, length);
        pending.add(new Write(position, Arrays.copyOfRange(buffer, offset, offset + length)));
    }

    @Override
    public void force() throws IOException {
        tick();
        for (Write w : pending) {
            durable.write(w.position(), w.bytes(), 0, w.bytes().length);
        }
        pending.clear();
    }

    @Override
    public void truncate(long size) throws IOException {
        tick();
        current.truncate(size);
        durable.truncate(size);
    }

    @Override
    public long size() throws IOException {
        return current.size();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        // Nothing to release; the image is taken with crashImage().
    }

    /** The durable content plus a random subset of the unforced writes, some of them torn at a 512-byte boundary. */
    byte[] crashImage(Random rnd) throws IOException {
        MemoryFileIO image = new MemoryFileIO("image");
        byte[] base = new byte[(int) durable.size()];
        durable.read(0, base, 0, base.length);
        image.write(0, base, 0, base.length);
        for (Write w : pending) {
            int r = rnd.nextInt(100);
            if (r < 45) {
                continue; // lost
            }
            int length = w.bytes().length;
            if (r >= 80) {
                length = Math.min(length, 512 * rnd.nextInt(Math.max(1, length / 512)));
            }
            image.write(w.position(), w.bytes(), 0, length);
        }
        byte[] out = new byte[(int) image.size()];
        image.read(0, out, 0, out.length);
        return out;
    }
}
