package dev.lightningdb.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lightning sql DATABASE -e "..." | -f file.sql}: runs statements and prints their results. */
@Command(name = "sql", description = "Run SQL statements from arguments or a file and print the results.")
final class SqlCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database;

    @Option(names = {"-e", "--execute"}, paramLabel = "SQL", description = "statements to run (repeatable)")
    List<String> statements = List.of();

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "a file of statements separated by ';'")
    Path file;

    @Option(names = "--continue", description = "keep going after a failing statement")
    boolean keepGoing;

    @Override
    public Integer call() throws IOException {
        if (statements.isEmpty() && file == null) {
            System.err.println("Nothing to run: give -e SQL or -f FILE");
            return 2;
        }
        try (Connection c = DriverManager.getConnection(database.url())) {
            ScriptRunner runner = new ScriptRunner(c, System.out, System.err, false);
            int failures = 0;
            for (String s : statements) {
                failures += runner.run(s, keepGoing);
                if (failures > 0 && !keepGoing) {
                    return 1;
                }
            }
            if (file != null) {
                failures += runner.run(Files.readString(file, StandardCharsets.UTF_8), keepGoing);
            }
            return failures == 0 ? 0 : 1;
        } catch (SQLException e) {
            System.err.println("Cannot open " + database.database + ": " + e.getMessage());
            return 1;
        }
    }
}
