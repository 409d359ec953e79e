package dev.lightningdb.flyway;

import java.sql.Connection;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.database.base.Database;
import org.flywaydb.core.internal.database.base.Table;
import org.flywaydb.core.internal.jdbc.JdbcConnectionFactory;
import org.flywaydb.core.internal.jdbc.StatementInterceptor;

/**
 * A LightningDB database as Flyway sees it. DDL is transactional (catalog changes commit or roll
 * back with the transaction), so each migration runs in one transaction together with its row in
 * the schema history table, and a failing migration leaves no trace.
 */
final class LightningDatabase extends Database<LightningFlywayConnection> {
    LightningDatabase(Configuration configuration, JdbcConnectionFactory jdbcConnectionFactory,
                      StatementInterceptor statementInterceptor) {
        super(configuration, jdbcConnectionFactory, statementInterceptor);
    }

    @Override
    protected LightningFlywayConnection doGetConnection(Connection connection) {
        return new LightningFlywayConnection(this, connection);
    }

    @Override
    public void ensureSupported(Configuration configuration) {
        // every released version speaks the dialect this plugin writes
    }

    @Override
    public boolean supportsDdlTransactions() {
        return true;
    }

    @Override
    public String getBooleanTrue() {
        return "TRUE";
    }

    @Override
    public String getBooleanFalse() {
        return "FALSE";
    }

    @Override
    public boolean catalogIsSchema() {
        return false;
    }

    /**
     * One connection for the history table and the migrations: the engine has a single writer and
     * does not detect write conflicts yet, so two connections of one Flyway run writing at once
     * could overwrite each other; with one, a migration and its history row also commit together.
     */
    @Override
    public boolean useSingleConnection() {
        return true;
    }

    @Override
    public String getRawCreateScript(Table table, boolean baseline) {
        String name = table.toString(); // quoted schema and table name
        return "CREATE TABLE " + name + " (\n"
                + "    \"installed_rank\" INT NOT NULL,\n"
                + "    \"version\" VARCHAR(50),\n"
                + "    \"description\" VARCHAR(200) NOT NULL,\n"
                + "    \"type\" VARCHAR(20) NOT NULL,\n"
                + "    \"script\" VARCHAR(1000) NOT NULL,\n"
                + "    \"checksum\" INT,\n"
                + "    \"installed_by\" VARCHAR(100) NOT NULL,\n"
                + "    \"installed_on\" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
                + "    \"execution_time\" INT NOT NULL,\n"
                + "    \"success\" BOOLEAN NOT NULL,\n"
                + "    CONSTRAINT " + doQuote(table.getName() + "_pk") + " PRIMARY KEY (\"installed_rank\")\n"
                + ");\n"
                + "CREATE INDEX " + doQuote(table.getName() + "_s_idx") + " ON " + name + " (\"success\");\n"
                + (baseline ? getBaselineStatement(table) + ";\n" : "");
    }
}
