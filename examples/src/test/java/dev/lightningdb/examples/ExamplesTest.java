package dev.lightningdb.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs each example as a user would, on a fresh database directory, and checks what it prints. */
class ExamplesTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String url(String name) {
        return "jdbc:lightning:" + dir.resolve(name);
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void keyValueStatementsPutGetAndScan() throws Exception {
        KeyValueExample.run(url("kv"), out);
        assertThat(printed().lines()).containsExactly(
                "GET user 1 theme = solarized",
                "GET user 1 font: no row",
                "SCAN 1 language = en",
                "SCAN 1 theme = solarized",
                "LAST 2 theme = light");
    }

    @Test
    void hikariPoolCountsEveryView() throws Exception {
        assertThat(HikariExample.run(url("hikari"), out)).isEqualTo(40);
        assertThat(printed()).isEqualTo("/home was viewed 40 times" + System.lineSeparator());
    }

    @Test
    void flywayMigratesOnceAndThenFindsNothingToDo() throws Exception {
        assertThat(FlywayExample.run(url("flyway"), out)).isEqualTo(2);
        assertThat(printed().lines()).containsExactly(
                "applied 2 migration(s)",
                "version 1: create books (Success)",
                "version 2: add books (Success)",
                "1968 The Art of Computer Programming",
                "1985 Structure and Interpretation of Computer Programs",
                "1992 Transaction Processing");
        assertThat(FlywayExample.run(url("flyway"), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isZero();
    }

    @Test
    void jpaStoresAndQueriesBooks() {
        assertThat(JpaExample.run(url("jpa"), out))
                .containsExactly("The Art of Computer Programming", "Structure and Interpretation of Computer Programs");
    }
}
