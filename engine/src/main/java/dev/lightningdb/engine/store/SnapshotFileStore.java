package dev.lightningdb.engine.store;

import dev.lightningdb.engine.CorruptionException;
import dev.lightningdb.engine.ErrorCode;
import dev.lightningdb.engine.LightningDbException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The interim file store: a {@link MemoryStore} whose whole content is written to one file at
 * checkpoint and close, and read back at open. It keeps data across a clean close only; a crash
 * loses everything since the last checkpoint. The paged B+Tree store with its WAL replaces it.
 *
 * <p>File format ({@value #FILE_NAME}): magic {@code "LDBSNAP1"} (8 bytes), entry count (long),
 * then per entry key length (int), key, value length (int), value; last a CRC32C (long) of all
 * bytes before it. The file is written to a temporary name, forced, and renamed over the old one.
 */
public final class SnapshotFileStore extends MemoryStore {
    public static final String FILE_NAME = "data.snapshot";
    private static final long MAGIC = 0x4C4442534E415031L; // "LDBSNAP1"

    private final Path file;

    public SnapshotFileStore(Path directory) {
        this.file = directory.resolve(FILE_NAME);
        if (Files.exists(file)) {
            load();
        }
    }

    private void load() {
        CRC32C crc = new CRC32C();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc))) {
            if (in.readLong() != MAGIC) {
                throw new CorruptionException(file + ": not a LightningDB snapshot (bad magic)");
            }
            long count = in.readLong();
            for (long i = 0; i < count; i++) {
                byte[] key = in.readNBytes(checkedLength(in.readInt(), i));
                byte[] value = in.readNBytes(checkedLength(in.readInt(), i));
                map.put(key, value);
            }
            long expected = crc.getValue();
            long found = new DataInputStream(raw).readLong();
            if (expected != found) {
                throw new CorruptionException(file + ": checksum mismatch, expected " + Long.toHexString(expected)
                        + " found " + Long.toHexString(found));
            }
        } catch (EOFException e) {
            throw new CorruptionException(file + ": truncated");
        } catch (IOException e) {
            throw new LightningDbException(ErrorCode.IO_ERROR, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private int checkedLength(int length, long entry) {
        if (length < 0 || length > (1 << 30)) {
            throw new CorruptionException(file + ": entry " + entry + " has impossible length " + length);
        }
        return length;
    }

    @Override
    public synchronized void checkpoint() {
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        CRC32C crc = new CRC32C();
        try {
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                 DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc))) {
                Map<byte[], byte[]> copy = map.clone();
                out.writeLong(MAGIC);
                out.writeLong(copy.size());
                for (Map.Entry<byte[], byte[]> e : copy.entrySet()) {
                    out.writeInt(e.getKey().length);
                    out.write(e.getKey());
                    out.writeInt(e.getValue().length);
                    out.write(e.getValue());
                }
                out.flush();
                new DataOutputStream(raw).writeLong(crc.getValue());
            }
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LightningDbException(ErrorCode.IO_ERROR, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        checkpoint();
    }
}
