package dev.lightningdb.cli;

import picocli.CommandLine.Parameters;

/** The database argument shared by commands: a directory, {@code mem:name}, or a full JDBC URL. */
final class DatabaseOption {
    @Parameters(index = "0", paramLabel = "DATABASE",
            description = "database directory (created if missing), mem:NAME for an in-memory database, or a jdbc:lightning: URL")
    String database;

    String url() {
        return database.startsWith("jdbc:") ? database : "jdbc:lightning:" + database;
    }
}
