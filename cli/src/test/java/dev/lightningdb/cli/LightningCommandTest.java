package dev.lightningdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the command line in-process and checks what it prints and returns. */
class LightningCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @TempDir
    Path dir;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sqlRunsStatementsAndPrintsATable() {
        String db = dir.resolve("db").toString();
        int code = LightningCommand.execute("sql", db, "-e", "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(9))",
                "-e", "INSERT INTO t VALUES (2, 'two'), (1, NULL)", "-e", "SELECT * FROM t ORDER BY id");
        assertThat(code).isZero();
        assertThat(out()).contains("2 row(s) affected").contains("| ID | NAME |").contains("| 1  | NULL |").contains("| 2  | two  |")
                .contains("2 rows");
    }

    @Test
    void sqlFromAFileStopsAtTheFirstErrorWithExitCodeOne() throws Exception {
        Path script = dir.resolve("script.sql");
        Files.writeString(script, "CREATE TABLE t (id INT PRIMARY KEY);\nINSERT INTO t VALUES (1);\nINSERT INTO t VALUES (1);\nINSERT INTO t VALUES (3);\n");
        int code = LightningCommand.execute("sql", dir.resolve("db").toString(), "-f", script.toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("23505");
        assertThat(out()).containsOnlyOnce("1 row(s) affected");
    }

    @Test
    void demoRunsItsTourAndTheDatabaseVerifiesClean() {
        String db = dir.resolve("demo").toString();
        assertThat(LightningCommand.execute("demo", db, "--no-shell")).isZero();
        assertThat(out()).contains("Amsterdam").contains("LightningTableScan").contains("primary key range").contains("index TRIPS_DAY lookup").contains("trips_left".toUpperCase()).contains("OK");
        out.reset();
        assertThat(LightningCommand.execute("verify", db)).isZero();
        assertThat(out()).startsWith("OK");
    }

    @Test
    void unknownCommandsAndMissingArgumentsFail() {
        assertThat(LightningCommand.execute("frobnicate")).isNotZero();
        assertThat(LightningCommand.execute("sql")).isNotZero();
        assertThat(LightningCommand.execute("sql", dir.resolve("db").toString())).isEqualTo(2);
        assertThat(LightningCommand.execute("sql", "jdbc:lightning:mem:x?pageSize=7", "-e", "SELECT 1")).isEqualTo(1);
    }
}
