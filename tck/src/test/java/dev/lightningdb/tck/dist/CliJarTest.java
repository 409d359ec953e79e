package dev.lightningdb.tck.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's first command, on the built jar and the Java that runs the tests (CI runs them on each
 * supported Java): the demo's tour ends with a clean integrity check, and neither it nor the shell
 * makes the JVM warn (the shell's terminal library loads native code, which Java 24 and later
 * report unless the jar's manifest enables native access).
 */
class CliJarTest {
    @Test
    void theDemoRunsItsTourAndVerifiesClean(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("demo");
        DistJars.Run run = DistJars.runJava(List.of("-jar", DistJars.cliJar().toString(), "demo", db.toString(), "--no-shell"), "");

        assertThat(run.exitCode()).as("exit code; stderr:%n%s", run.stderr()).isZero();
        assertThat(run.stdout()).contains("VERIFY INTEGRITY").contains("| OK").doesNotContain("Error [");
        assertThat(DistJars.jvmWarnings(run.stderr())).as("the JVM's warnings on Java %s", Runtime.version().feature()).isEmpty();

        DistJars.Run verify = DistJars.runJava(List.of("-jar", DistJars.cliJar().toString(), "verify", db.toString()), "");
        assertThat(verify.exitCode()).as("verify; stdout:%n%s%nstderr:%n%s", verify.stdout(), verify.stderr()).isZero();
    }

    @Test
    void theShellAnswersAQueryWithoutJvmWarnings(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("shell");
        // JLine logs through java.util.logging that it found no terminal; an empty logging
        // configuration silences that, and leaves what the JVM itself prints on stderr
        Path noLogging = Files.writeString(dir.resolve("logging.properties"), "");
        DistJars.Run run = DistJars.runJava(List.of("-Djava.util.logging.config.file=" + noLogging,
                        "-jar", DistJars.cliJar().toString(), "shell", db.toString()),
                "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(10));\nINSERT INTO t VALUES (1, 'one');\n"
                        + "SELECT COUNT(*) FROM t;\n!quit\n");

        assertThat(run.exitCode()).as("exit code; stderr:%n%s", run.stderr()).isZero();
        assertThat(run.stderr()).contains("1 row selected"); // sqlline reports on stderr
        assertThat(DistJars.jvmWarnings(run.stderr())).as("the JVM's warnings on Java %s", Runtime.version().feature()).isEmpty();

        // without a terminal sqlline prints empty cells, so the row is read back by the sql command
        DistJars.Run count = DistJars.runJava(List.of("-jar", DistJars.cliJar().toString(), "sql", db.toString(), "-e",
                "SELECT name FROM t WHERE id = 1"), "");
        assertThat(count.exitCode()).as("sql; stderr:%n%s", count.stderr()).isZero();
        assertThat(count.stdout()).contains("one");
    }
}
