package dev.lightningdb.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What a benchmark found out besides its numbers, handed from the forked JVM to the runner in a
 * file ({@link BenchProps#CHECK}): notes for its row (e.g. how many transactions failed), and a
 * correctness failure found when the trial ended (e.g. lost updates), which marks the row not
 * comparable with the reason in capitals. One line each: {@code note <text>} or {@code wrong <text>}.
 */
public final class CheckFile {
    private static final String NOTE = "note ";
    private static final String WRONG = "wrong ";

    private CheckFile() {
    }

    /** In the benchmark JVM: adds a note to this row. */
    public static void note(String text) {
        append(NOTE + text);
    }

    /** In the benchmark JVM: reports that this row's result is wrong, and why. */
    public static void wrong(String text) {
        append(WRONG + text);
    }

    private static synchronized void append(String line) {
        String file = System.getProperty(BenchProps.CHECK);
        if (file == null) {
            return;
        }
        try {
            Files.writeString(Path.of(file), line.replace('\n', ' ') + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** In the runner: the notes in {@code file}, in the order written; empty if none. */
    public static List<String> notes(Path file) {
        return lines(file, NOTE);
    }

    /** In the runner: the correctness failures in {@code file}, joined; null if none. */
    public static String wrong(Path file) {
        List<String> w = lines(file, WRONG);
        return w.isEmpty() ? null : String.join("; ", w);
    }

    private static List<String> lines(Path file, String prefix) {
        List<String> out = new ArrayList<>();
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith(prefix)) {
                        out.add(line.substring(prefix.length()));
                    }
                }
            }
        } catch (IOException e) {
            out.add("(could not read " + file.getFileName() + ": " + e.getMessage() + ")");
        }
        return out;
    }
}
