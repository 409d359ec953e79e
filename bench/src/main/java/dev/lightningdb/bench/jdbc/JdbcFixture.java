package dev.lightningdb.bench.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates the schema and loads {@code rows} items (in id order, 1,000 per transaction). */
public final class JdbcFixture {
    private JdbcFixture() {
    }

    public static void load(JdbcSystem sys, Path dir, long rows) throws SQLException {
        try (Connection c = sys.connect(dir)) {
            try (Statement s = c.createStatement()) {
                for (String ddl : Schema.ddl(sys.idType())) {
                    s.execute(ddl);
                }
            }
            c.setAutoCommit(false);
            try (PreparedStatement g = c.prepareStatement(Schema.INSERT_GROUP)) {
                for (int i = 0; i < Schema.GROUPS; i++) {
                    g.setInt(1, i);
                    g.setString(2, "group-" + i);
                    g.addBatch();
                }
                g.executeBatch();
            }
            try (PreparedStatement ins = c.prepareStatement(Schema.INSERT)) {
                for (long id = 0; id < rows; id++) {
                    Schema.bindInsert(ins, id);
                    ins.addBatch();
                    if ((id + 1) % JdbcBench.BATCH == 0 || id == rows - 1) {
                        ins.executeBatch();
                        c.commit();
                    }
                }
            }
            c.commit();
            c.setAutoCommit(true);
        }
        sys.shutdown(dir);
    }
}
