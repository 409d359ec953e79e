package dev.lightningdb.engine.wal;

import dev.lightningdb.engine.io.Directories;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Names of WAL segment files: {@code wal-<first LSN, 20 digits>.log} in the database directory. A
 * segment holds consecutive records starting at the LSN in its name; segments sort by that LSN.
 */
final class WalFiles {
    private static final String PREFIX = "wal-";
    private static final String SUFFIX = ".log";

    private WalFiles() {
    }

    record Segment(Path path, long firstLsn) {
    }

    /** The segment file of {@code firstLsn}: ASCII digits whatever the default locale (Persian or Arabic ones would use their own). */
    static Path path(Path directory, long firstLsn) {
        return directory.resolve(String.format(Locale.ROOT, "%s%020d%s", PREFIX, firstLsn, SUFFIX));
    }

    /** The segments in {@code directory}, in LSN order. */
    static List<Segment> list(Path directory) throws IOException {
        List<Segment> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                String digits = n.substring(PREFIX.length(), n.length() - SUFFIX.length());
                try {
                    out.add(new Segment(p, Long.parseLong(digits)));
                } catch (NumberFormatException e) {
                    // not one of ours: leave it alone
                }
            }
        }
        out.sort(Comparator.comparingLong(Segment::firstLsn));
        return out;
    }

    /**
     * Retires every segment a durable checkpoint at {@code lsn} covers entirely: a segment may go
     * when the next one starts at or before {@code lsn + 1}; the one being written
     * ({@code current}) and later ones stay.
     */
    static void retireCovered(Path directory, Path archive, long lsn, long current) throws IOException {
        boolean retired = false;
        List<Segment> segments = list(directory);
        for (int i = 0; i + 1 < segments.size(); i++) {
            Segment s = segments.get(i);
            if (s.firstLsn() < current && segments.get(i + 1).firstLsn() <= lsn + 1) {
                retire(s.path(), archive);
                retired = true;
            }
        }
        if (retired) {
            Directories.force(directory);
        }
    }

    /**
     * Deletes a segment a durable checkpoint covers, or moves it into the archive directory (for a
     * later point-in-time restore), forcing the archive's directory entry.
     */
    static void retire(Path segment, Path archive) throws IOException {
        if (archive == null) {
            Files.delete(segment);
            return;
        }
        Files.createDirectories(archive);
        Path target = archive.resolve(segment.getFileName());
        try {
            Files.move(segment, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.copy(segment, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.delete(segment);
        }
        Directories.force(archive);
    }
}
