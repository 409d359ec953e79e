package dev.lightningdb.tck.liquibase;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * One Liquibase client on one JDBC connection, driven through Liquibase's command API
 * ({@code update}, {@code tag}, {@code rollback}, {@code status}) the way its CLI, Maven plugin and
 * Spring integration drive it. Changelogs are class path resources. The database implementation is
 * whatever Liquibase finds for the connection: the test never names it.
 */
final class LiquibaseSession implements AutoCloseable {
    private static final Pattern PENDING = Pattern.compile("(\\d+) changesets? (?:has|have) not been applied");

    private final Database database;

    private LiquibaseSession(Database database) {
        this.database = database;
    }

    /** H2 wants the user it was created with; LightningDB ignores user and password. */
    static LiquibaseSession open(String url) throws SQLException, LiquibaseException {
        return on(DriverManager.getConnection(url, "sa", ""));
    }

    /** A session on {@code connection}; closing the session closes it (a pooled one goes back to its pool). */
    static LiquibaseSession on(Connection connection) throws LiquibaseException {
        return new LiquibaseSession(DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection)));
    }

    Database database() {
        return database;
    }

    void update(String changelog) throws Exception {
        run(command("update").addArgumentValue("changelogFile", changelog));
    }

    void tag(String tag) throws Exception {
        run(command("tag").addArgumentValue("tag", tag));
    }

    void rollback(String changelog, String tag) throws Exception {
        run(command("rollback").addArgumentValue("changelogFile", changelog).addArgumentValue("tag", tag));
    }

    /** How many change sets of {@code changelog} the {@code status} command reports as not applied. */
    int pending(String changelog) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        run(command("status").addArgumentValue("changelogFile", changelog).setOutput(out));
        String text = out.toString(StandardCharsets.UTF_8);
        Matcher m = PENDING.matcher(text);
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        if (text.contains("is up to date")) {
            return 0;
        }
        throw new AssertionError("Unexpected status output: " + text);
    }

    private CommandScope command(String name) throws Exception {
        return new CommandScope(name).addArgumentValue("database", database);
    }

    /**
     * Runs a command with changelogs read from the class path and Liquibase's usage reporting off. A
     * client that finds the lock taken looks again after a second instead of Liquibase's default ten.
     */
    private static void run(CommandScope command) throws Exception {
        Map<String, Object> scope = Map.of(
                Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(LiquibaseSession.class.getClassLoader()),
                "liquibase.analytics.enabled", false,
                "liquibase.changelogLockPollRate", 1L);
        Scope.child(scope, () -> command.execute());
    }

    @Override
    public void close() throws LiquibaseException {
        database.close();
    }
}
