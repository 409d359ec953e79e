package dev.lightningdb.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lightning}: the command line of LightningDB. Each sub-command is a class of its own. */
@Command(name = "lightning", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "LightningDB: an embedded, transactional key/value database with SQL.",
        subcommands = {ShellCommand.class, SqlCommand.class, DemoCommand.class, VerifyCommand.class,
                CommandLine.HelpCommand.class})
public final class LightningCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (for tests and embedding). */
    public static int execute(String... args) {
        return new CommandLine(new LightningCommand()).execute(args);
    }
}
