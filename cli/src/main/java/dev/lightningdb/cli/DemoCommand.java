package dev.lightningdb.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lightning demo [DIR]}: builds a small database, runs a tour of statements on it with their
 * results, then (on a terminal) opens the shell on the same database.
 */
@Command(name = "demo", description = "Create a sample database, run a tour of SQL on it, then open the shell.")
final class DemoCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "database directory (default: ${DEFAULT-VALUE})")
    String directory = "./data/demo";

    @Option(names = "--no-shell", description = "do not open the shell after the tour")
    boolean noShell;

    @Override
    public Integer call() throws IOException {
        String url = "jdbc:lightning:" + directory;
        System.out.println("LightningDB demo on " + url);
        String script;
        try (InputStream in = DemoCommand.class.getResourceAsStream("demo.sql")) {
            if (in == null) {
                throw new IOException("demo.sql is missing from the jar");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int failures;
        try (Connection c = DriverManager.getConnection(url)) {
            failures = new ScriptRunner(c, System.out, System.err, true).run(script, false);
        } catch (SQLException e) {
            System.err.println("Cannot open " + url + ": " + e.getMessage());
            return 1;
        }
        if (failures > 0) {
            return 1;
        }
        if (noShell || System.console() == null) {
            System.out.println();
            System.out.println("Open the shell on this database with: java -jar cli/target/lightning.jar shell " + directory);
            return 0;
        }
        System.out.println();
        System.out.println("Opening the shell on " + directory + " (type !help for help, !quit to leave).");
        return ShellCommand.openShell(url);
    }
}
