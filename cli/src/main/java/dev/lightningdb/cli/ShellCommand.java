package dev.lightningdb.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import sqlline.SqlLine;

/** {@code lightning shell DATABASE}: an interactive SQL prompt (sqlline) on an embedded database. */
@Command(name = "shell", description = "Open an interactive SQL shell on a database.")
final class ShellCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() throws IOException {
        return openShell(database.url());
    }

    static int openShell(String url) throws IOException {
        String[] args = {"-u", url, "-n", "sa", "-p", "", "-d", "dev.lightningdb.jdbc.LightningDriver",
                "--connectInteractionMode=notAskCredentials", "--isolation=TRANSACTION_READ_COMMITTED"};
        SqlLine.Status status = SqlLine.start(args, null, true);
        return status == SqlLine.Status.OK ? 0 : 1;
    }
}
