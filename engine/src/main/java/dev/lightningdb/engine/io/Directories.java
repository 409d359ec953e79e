package dev.lightningdb.engine.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Durability of directory entries: the one place the engine forces a directory. */
public final class Directories {
    private Directories() {
    }

    /**
     * Makes a file creation, deletion or rename in {@code directory} durable (fsync of the
     * directory). Some platforms cannot open or force a directory; the entry is then as durable
     * as the OS makes it.
     */
    public static void force(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // not supported here: nothing more to do
        }
    }
}
