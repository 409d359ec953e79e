package dev.lightningdb.bench;

import java.nio.file.Path;

/**
 * What the runner tells a forked benchmark JVM, as system properties: where the prepared database
 * of the system under test lies, where trial copies go, and the data set sizes.
 */
public final class BenchProps {
    public static final String FIXTURE = "bench.fixture";
    public static final String WORK = "bench.work";
    public static final String KEYS = "bench.keys";
    public static final String ROWS = "bench.rows";
    /** File where {@link WriteProbe} reports commits and bytes written (durable workloads). */
    public static final String PROBE = "bench.probe";
    /** File where {@link OpsCount} reports each thread's operations and measured time. */
    public static final String OPS = "bench.ops";
    /** File where the competing writer of getHotWithWriter reports its puts per measurement iteration (same format). */
    public static final String WRITER_OPS = "bench.writerOps";
    /** File where a benchmark leaves notes for its row and correctness failures found after measuring ({@link CheckFile}). */
    public static final String CHECK = "bench.check";

    private BenchProps() {
    }

    /** The prepared (loaded, closed) database directory to copy for each trial. */
    public static Path fixture() {
        return Path.of(required(FIXTURE));
    }

    /** Directory under which trials create their copies. */
    public static Path work() {
        return Path.of(required(WORK));
    }

    /** Number of keys in a key/value fixture. */
    public static long keys() {
        return Long.parseLong(required(KEYS));
    }

    /** Number of rows in the main table of a JDBC fixture. */
    public static long rows() {
        return Long.parseLong(required(ROWS));
    }

    private static String required(String name) {
        String v = System.getProperty(name);
        if (v == null) {
            throw new IllegalStateException("system property " + name + " is not set: benchmarks are started by "
                    + BenchMain.class.getName() + " (bench/run.sh), not on their own");
        }
        return v;
    }
}
