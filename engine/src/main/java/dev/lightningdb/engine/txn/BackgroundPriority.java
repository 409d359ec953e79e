package dev.lightningdb.engine.txn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Lowers the CPU priority of the calling thread, best effort: on Linux it sets the thread's nice
 * value with the system's {@code renice} (the JDK has no call for it, and thread priorities are
 * ignored on Linux); elsewhere, or when that fails, nothing changes. Background maintenance (the
 * merger) then yields the CPU to the application's readers and writers when cores are scarce, and
 * still runs at full speed on an idle core; when it falls behind, back-pressure slows the writers,
 * not the readers. RocksDB lowers its compaction threads the same way.
 */
final class BackgroundPriority {
    private BackgroundPriority() {
    }

    /** Sets the calling thread's nice value to {@code nice} (1-19); returns whether it worked. */
    static boolean lowerCurrentThread(int nice) {
        if (nice <= 0) {
            return false;
        }
        try {
            Path self = Path.of("/proc/thread-self");
            if (!Files.isSymbolicLink(self)) {
                return false;
            }
            String tid = Files.readSymbolicLink(self).getFileName().toString(); // "<pid>/task/<tid>"
            Process p = new ProcessBuilder("renice", "-n", Integer.toString(Math.min(19, nice)), "-p", tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
