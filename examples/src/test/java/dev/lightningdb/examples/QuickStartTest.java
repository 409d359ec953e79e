package dev.lightningdb.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickStartTest {
    @Test
    void printsTheGreetingsFromTheSecondOnAndCanRunTwice(@TempDir Path dir) throws Exception {
        for (int run = 0; run < 2; run++) { // the example recreates its table, so reruns work
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int printed = QuickStart.run("jdbc:lightning:" + dir.resolve("db"), new PrintStream(bytes, true, StandardCharsets.UTF_8));
            String out = bytes.toString(StandardCharsets.UTF_8);
            assertThat(printed).isEqualTo(4);
            assertThat(out.lines()).containsExactly("2 French     Bonjour le monde", "3 German     Hallo Welt",
                    "4 Portuguese Olá mundo", "5 Japanese   こんにちは世界");
        }
    }
}
