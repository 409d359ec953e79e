package dev.lightningdb.tck.sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One schema loaded into a fresh in-memory LightningDB and a fresh in-memory H2, with helpers to run
 * a statement on both and to read a table's whole content from both.
 */
final class DatabasePair implements AutoCloseable {
    private static final Path REPRO_DIR = Path.of("target", "sql-repro");

    final Schema schema;
    final Connection lightning;
    final Connection h2;
    private final Map<String, PreparedStatement[]> contentQueries = new HashMap<>();
    /** Every statement that changed data, in order, so that a repro script can rebuild the state. */
    private final List<String> history = new ArrayList<>();

    DatabasePair(String name, Schema schema) throws SQLException {
        this.schema = schema;
        this.lightning = DriverManager.getConnection("jdbc:lightning:mem:" + name);
        this.h2 = DriverManager.getConnection("jdbc:h2:mem:" + name);
        for (String statement : schema.setupStatements()) {
            String sql = TemporaryTableSchemas.setup(statement);
            Outcome l = Outcome.run(lightning, sql);
            Outcome h = Outcome.run(h2, sql);
            if (l.failed() || h.failed()) {
                throw new IllegalStateException("schema setup failed: " + sql + "\n  H2: " + h + "\n  LightningDB: " + l);
            }
            history.add(sql);
        }
    }

    /** Records a statement that ran on both (for repro scripts). */
    void remember(String sql) {
        history.add(sql);
    }

    /** The whole content of {@code table} on H2 [0] and LightningDB [1], sorted by key. */
    List<List<List<Object>>> contents(Schema.Table table) throws SQLException {
        PreparedStatement[] ps = contentQueries.get(table.name());
        if (ps == null) {
            String order = table.key().stream().map(Schema.Column::name).collect(Collectors.joining(", "));
            String sql = "SELECT * FROM " + table.name() + (order.isEmpty() ? "" : " ORDER BY " + order);
            ps = new PreparedStatement[] {h2.prepareStatement(sql), lightning.prepareStatement(sql)};
            contentQueries.put(table.name(), ps);
        }
        List<List<List<Object>>> out = new ArrayList<>();
        for (PreparedStatement p : ps) {
            try (ResultSet rs = p.executeQuery()) {
                List<List<Object>> rows = ResultNormalizer.rows(rs, Outcome.MAX_ROWS);
                out.add(table.key().isEmpty() ? ResultNormalizer.sorted(rows) : rows); // no key to order by
            }
        }
        return out;
    }

    /** Writes the statements that built the current state plus {@code sql} to a file, and returns its path. */
    String writeRepro(String id, String sql) {
        try {
            Files.createDirectories(REPRO_DIR);
            Path file = REPRO_DIR.resolve(id + ".sql");
            List<String> lines = new ArrayList<>();
            for (String h : history) {
                lines.add(h + ";");
            }
            lines.add("-- the failing statement(s):");
            lines.add(sql + ";");
            Files.write(file, lines);
            return file.toAbsolutePath().toString();
        } catch (IOException e) {
            return "(could not write repro: " + e + ")";
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            lightning.close();
        } finally {
            h2.close();
        }
    }
}
