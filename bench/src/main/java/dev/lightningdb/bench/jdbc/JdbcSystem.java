package dev.lightningdb.bench.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * One JDBC driver at one durability setting. Everything that differs between drivers lives here:
 * the URL, the type of the primary key column, statements run on each new connection, and how the
 * database is shut down. Every workload in {@link JdbcBench} sends the same SQL ({@link Schema})
 * through {@code java.sql} only.
 */
public interface JdbcSystem {
    /** Id used as the JMH parameter, e.g. {@code hsqldb-sync}. */
    String id();

    /** Name shown in the tables, e.g. {@code HSQLDB}. */
    String displayName();

    default boolean isLightning() {
        return false;
    }

    /**
     * Whether this is the "synchronous commit" variant (fsync per commit), which runs only the
     * workloads that commit writes; false for the driver's default durability.
     */
    boolean synchronousVariant();

    /** Whether a commit at this setting returns only after an fsync (checked: {@code DurabilityCheck}). */
    boolean fsyncPerCommit();

    /** What a commit guarantees at this setting, in a few words, for the table. */
    String durability();

    /** Why this driver has no such variant (the rows say so instead of numbers); null if it has one. */
    default String notApplicable() {
        return null;
    }

    /** Anything the reader must know about these rows; empty if nothing. */
    default String note() {
        return "";
    }

    /** The JDBC URL of the database in directory {@code dir} (created on first connect). */
    String url(Path dir);

    /** SQL type of the primary key column of {@code item}. */
    default String idType() {
        return "BIGINT";
    }

    /** SQL type of an {@code INT} primary key ({@code counters.id} of the contended-increment rows). */
    default String intKeyType() {
        return "INT";
    }

    /** Statements every new connection runs first (pragmas, session settings). */
    default List<String> sessionInit() {
        return List.of();
    }

    /**
     * What the contended-increment rows ({@link ContendedIncBench}) run at on this driver, for the
     * Settings column: the isolation in effect, how a writer waits for another's row, and
     * {@link #durability()}; null where this driver does not run those rows.
     */
    default String contendedSettings() {
        return null;
    }

    /** Opens a connection in auto-commit mode with {@link #sessionInit()} applied. */
    default Connection connect(Path dir) throws SQLException {
        Connection c = DriverManager.getConnection(url(dir));
        try (Statement s = c.createStatement()) {
            for (String sql : sessionInit()) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** Closes the database after its last connection closed, so its files are complete. */
    default void shutdown(Path dir) throws SQLException {
    }
}
