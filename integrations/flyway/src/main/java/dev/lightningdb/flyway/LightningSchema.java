package dev.lightningdb.flyway;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.internal.database.base.Schema;
import org.flywaydb.core.internal.database.base.Table;
import org.flywaydb.core.internal.jdbc.JdbcTemplate;

/**
 * A schema, read through {@link DatabaseMetaData}. Cleaning drops every table (its indexes go with
 * it) and every sequence the driver lists; PUBLIC itself cannot be dropped, so it is only cleaned.
 */
final class LightningSchema extends Schema<LightningDatabase, LightningTable> {
    LightningSchema(JdbcTemplate jdbcTemplate, LightningDatabase database, String name) {
        super(jdbcTemplate, database, name);
    }

    @Override
    protected boolean doExists() throws SQLException {
        try (ResultSet rs = metaData().getSchemas(null, escape(name))) {
            while (rs.next()) {
                if (name.equals(rs.getString("TABLE_SCHEM"))) {
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    protected boolean doEmpty() throws SQLException {
        return doAllTables().length == 0 && sequences().isEmpty();
    }

    @Override
    protected void doCreate() throws SQLException {
        jdbcTemplate.execute("CREATE SCHEMA " + database.quote(name));
    }

    @Override
    protected void doDrop() throws SQLException {
        jdbcTemplate.execute("DROP SCHEMA " + database.quote(name) + " CASCADE");
    }

    @Override
    protected void doClean() throws SQLException {
        // DROP TABLE ... CASCADE drops the foreign keys that reference a table, so tables can go in any order.
        for (LightningTable table : doAllTables()) {
            table.drop();
        }
        for (String sequence : sequences()) {
            jdbcTemplate.execute("DROP SEQUENCE " + database.quote(name, sequence));
        }
    }

    @Override
    protected LightningTable[] doAllTables() throws SQLException {
        List<LightningTable> tables = new ArrayList<>();
        for (String table : objects("TABLE")) {
            tables.add(new LightningTable(jdbcTemplate, database, this, table));
        }
        return tables.toArray(new LightningTable[0]);
    }

    @Override
    public Table<?, ?> getTable(String tableName) {
        return new LightningTable(jdbcTemplate, database, this, tableName);
    }

    /** The sequences of this schema, as far as the driver reports them (table type SEQUENCE). */
    List<String> sequences() throws SQLException {
        return objects("SEQUENCE");
    }

    private List<String> objects(String type) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = metaData().getTables(null, escape(name), "%", new String[] {type})) {
            while (rs.next()) {
                if (name.equals(rs.getString("TABLE_SCHEM")) && type.equalsIgnoreCase(rs.getString("TABLE_TYPE"))) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        return names;
    }

    private DatabaseMetaData metaData() throws SQLException {
        return jdbcTemplate.getConnection().getMetaData();
    }

    /** A name as a LIKE pattern that matches only itself. */
    private static String escape(String name) {
        return name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
