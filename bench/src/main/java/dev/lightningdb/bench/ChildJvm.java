package dev.lightningdb.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options of every JVM the runner starts (fixture loaders and JMH forks), so that all
 * systems run under the same flags. lmdbjava needs the two {@code --add-opens} on Java 17.
 */
public final class ChildJvm {
    /** Environment variable whose space-separated JVM options are added to every child JVM (profiling). */
    public static final String EXTRA_FLAGS = "BENCH_JVM_FLAGS";

    private ChildJvm() {
    }

    public static List<String> flags(BenchMode mode, Path tmp) {
        List<String> f = new ArrayList<>();
        f.add("-Xmx" + mode.heap);
        f.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
        f.add("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");
        f.add("-XX:-UsePerfData"); // no hsperfdata file: its writes would count as the system's
        f.add("-Djava.io.tmpdir=" + tmp.resolve("jvm-tmp")); // unpacked native libraries land in our temp root
        f.add("-Dderby.stream.error.file=" + tmp.resolve("derby.log"));
        String extra = System.getenv(EXTRA_FLAGS);
        if (extra != null && !extra.isBlank()) {
            f.addAll(List.of(extra.trim().split("\\s+"))); // for profiling: every system gets them alike
        }
        return f;
    }

    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
