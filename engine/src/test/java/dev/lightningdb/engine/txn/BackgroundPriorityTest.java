package dev.lightningdb.engine.txn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The merger's priority: lowered where Linux and {@code renice} allow it, a no-op that reports false otherwise. */
class BackgroundPriorityTest {
    @Test
    void lowersOnlyTheCallingThread() throws Exception {
        assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")), "not Linux");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/renice")) || Files.isExecutable(Path.of("/bin/renice")), "no renice");
        int before = niceOfThisThread();
        AtomicReference<Object> seen = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                boolean done = BackgroundPriority.lowerCurrentThread(Math.min(19, before + 7));
                seen.set(done ? niceOfThisThread() : "renice failed");
            } catch (Exception e) {
                seen.set(e);
            }
        });
        t.start();
        t.join();
        assertThat(seen.get()).isEqualTo(Math.min(19, before + 7));
        assertThat(niceOfThisThread()).as("the caller's own thread is untouched").isEqualTo(before);
    }

    @Test
    void zeroMeansUnchanged() {
        assertThat(BackgroundPriority.lowerCurrentThread(0)).isFalse();
    }

    /** Field 19 of /proc/thread-self/stat (after the parenthesised name, which may hold spaces). */
    private static int niceOfThisThread() throws Exception {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(f[16]); // fields from 3 on: nice is field 19
    }
}
