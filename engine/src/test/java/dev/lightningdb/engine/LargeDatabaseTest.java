package dev.lightningdb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Databases much larger than the 64 MiB cache, loaded and read back in a child JVM limited to
 * {@code -Xmx512m} ({@link LargeLoadMain}): the heap must stay bounded whatever the database size.
 */
class LargeDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void oneMillionKeysInABoundedHeap() throws Exception {
        runChild(1_000_000, 120);
    }

    @Test
    @Tag("stress")
    void tenMillionKeysInABoundedHeap() throws Exception {
        runChild(10_000_000, 1200);
    }

    private void runChild(long keys, long timeoutSeconds) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = location(LightningDb.class) + File.pathSeparator + location(LargeLoadMain.class);
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-ea", "-cp", classpath, LargeLoadMain.class.getName(),
                dir.resolve("large").toString(), Long.toString(keys)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                System.out.println("[child " + keys + "] " + line);
                output.add(line);
            }
        }
        boolean finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        assertThat(finished).as("child finished in time").isTrue();
        assertThat(p.exitValue()).as("child exit code; output:\n" + String.join("\n", output)).isZero();
        assertThat(output).anyMatch(l -> l.startsWith("OK"));
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
