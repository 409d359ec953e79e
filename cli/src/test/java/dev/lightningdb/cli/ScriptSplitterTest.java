package dev.lightningdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptSplitterTest {
    @Test
    void splitsOnlyAtSemicolonsOutsideQuotesAndComments() {
        String script = "CREATE TABLE t (a VARCHAR(5));\n"
                + "INSERT INTO t VALUES ('x;y'), ('it''s;');\n"
                + "-- a comment; with a semicolon\n"
                + "SELECT \"odd;name\" FROM t /* ; */ ;;\n"
                + "  ;  -- trailing\n";
        assertThat(ScriptSplitter.split(script)).containsExactly(
                "CREATE TABLE t (a VARCHAR(5))",
                "INSERT INTO t VALUES ('x;y'), ('it''s;')",
                "-- a comment; with a semicolon\nSELECT \"odd;name\" FROM t /* ; */");
    }

    @Test
    void unterminatedQuotesAndCommentsDoNotLoop() {
        assertThat(ScriptSplitter.split("SELECT 'open; still open")).containsExactly("SELECT 'open; still open");
        assertThat(ScriptSplitter.split("SELECT 1 /* never closed; ")).containsExactly("SELECT 1 /* never closed;");
        assertThat(ScriptSplitter.split("")).isEmpty();
    }
}
