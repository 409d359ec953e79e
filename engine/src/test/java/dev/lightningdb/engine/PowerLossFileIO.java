package dev.lightningdb.engine;

import dev.lightningdb.engine.io.FileIO;
import dev.lightningdb.engine.io.MemoryFileIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A {@link FileIO} that remembers which writes were forced, and "loses power" after a set number of
 * writes and forces (counted over all files of one {@link Disk}): from then on every call fails,
 * and {@link #crashImage} gives the file as a disk might hold it afterwards: everything forced, plus
 * any subset of the unforced writes, some torn.
 */
final class PowerLossFileIO implements FileIO {
    private record Write(long position, byte[] bytes) {
    }

    /**
     * The files of one database directory with one shared power supply. Each path has one
     * in-memory file however often it is opened; a created file also appears (empty) on the real
     * file system, so that directory listings and deletions work as usual.
     */
    static final class Disk {
        private final Map<Path, PowerLossFileIO> files = new LinkedHashMap<>();
        private long opsLeft;
        private boolean crashed;

        Disk(long crashAfter) {
            this.opsLeft = crashAfter;
        }

        synchronized boolean crashed() {
            return crashed;
        }

        synchronized void tick() throws IOException {
            if (crashed || --opsLeft < 0) {
                crashed = true;
                throw new IOException("simulated power loss");
            }
        }

        FileIO.Opener opener() {
            return (path, create, readOnly) -> {
                synchronized (this) {
                    if (!Files.exists(path)) {
                        if (!create) {
                            throw new java.nio.file.NoSuchFileException(path.toString());
                        }
                        Files.createFile(path);
                        files.put(path, new PowerLossFileIO(this, path.toString(), new byte[0]));
                    }
                    PowerLossFileIO f = files.get(path);
                    if (f == null) {
                        f = new PowerLossFileIO(this, path.toString(), Files.readAllBytes(path));
                        files.put(path, f);
                    }
                    return f;
                }
            };
        }

        /** Replaces every file that still exists with its crash image; after the database is closed. */
        void writeCrashImages(Random rnd) throws IOException {
            for (Map.Entry<Path, PowerLossFileIO> e : files.entrySet()) {
                if (Files.exists(e.getKey())) {
                    Files.write(e.getKey(), e.getValue().crashImage(rnd));
                }
            }
        }
    }

    private final Disk disk;
    private final String name;
    private final MemoryFileIO current;
    private final MemoryFileIO durable;
    private final List<Write> pending = new ArrayList<>();

    private PowerLossFileIO(Disk disk, String name, byte[] content) throws IOException {
        this.disk = disk;
        this.name = name;
        this.current = new MemoryFileIO(name);
        this.durable = new MemoryFileIO(name + " (durable)");
        current.write(0, content, 0, content.length);
        durable.write(0, content, 0, content.length);
    }

    private void tick() throws IOException {
        disk.tick();
    }

    @Override
    public synchronized int read(long position, byte[] buffer, int offset, int length) throws IOException {
        if (disk.crashed()) {
            throw new IOException("simulated power loss");
        }
        return current.read(position, buffer, offset, length);
    }

    @Override
    public synchronized void write(long position, byte[] buffer, int offset, int length) throws IOException {
        tick();
        current.write(position, buffer, offset, length);
        pending.add(new Write(position, Arrays.copyOfRange(buffer, offset, offset + length)));
    }

    @Override
    public synchronized void force() throws IOException {
        tick();
        for (Write w : pending) {
            durable.write(w.position(), w.bytes(), 0, w.bytes().length);
        }
        pending.clear();
    }

    @Override
    public synchronized void truncate(long size) throws IOException {
        tick();
        current.truncate(size);
        durable.truncate(size);
    }

    @Override
    public synchronized long size() throws IOException {
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
    synchronized byte[] crashImage(Random rnd) throws IOException {
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
