package dev.lightningdb.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseMetaDataTest {
    private static List<String> column(ResultSet rs, String name) throws SQLException {
        List<String> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                out.add(rs.getString(name));
            }
        }
        return out;
    }

    @Test
    void describesTablesColumnsAndKeysAsCreated() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:lightning:mem:meta")) {
            c.createStatement().executeUpdate("CREATE TABLE orders (region VARCHAR(8), id BIGINT, note VARCHAR(100) DEFAULT 'none', "
                    + "total DECIMAL(10,2) NOT NULL, PRIMARY KEY (region, id))");
            c.createStatement().executeUpdate("CREATE TABLE other (k INT PRIMARY KEY)");
            DatabaseMetaData md = c.getMetaData();
            assertThat(md.getDatabaseProductName()).isEqualTo("LightningDB");
            assertThat(md.getDriverVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
            assertThat(md.getIdentifierQuoteString()).isEqualTo("\"");
            assertThat(md.storesUpperCaseIdentifiers()).isTrue();
            assertThat(column(md.getTables(null, "PUBLIC", "%", new String[] {"TABLE"}), "TABLE_NAME")).containsExactly("ORDERS", "OTHER");
            assertThat(column(md.getTables(null, null, "ORD%", null), "TABLE_NAME")).containsExactly("ORDERS");
            assertThat(column(md.getTables(null, null, "%", new String[] {"VIEW"}), "TABLE_NAME")).isEmpty();
            assertThat(column(md.getColumns(null, null, "ORDERS", null), "COLUMN_NAME")).containsExactly("REGION", "ID", "NOTE", "TOTAL");
            try (ResultSet rs = md.getColumns(null, null, "ORDERS", "TOTAL")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.DECIMAL);
                assertThat(rs.getInt("COLUMN_SIZE")).isEqualTo(10);
                assertThat(rs.getInt("DECIMAL_DIGITS")).isEqualTo(2);
                assertThat(rs.getInt("NULLABLE")).isEqualTo(DatabaseMetaData.columnNoNulls);
                assertThat(rs.getInt("ORDINAL_POSITION")).isEqualTo(4);
            }
            assertThat(column(md.getColumns(null, null, "ORDERS", "NOTE"), "COLUMN_DEF")).containsExactly("'none'");
            assertThat(column(md.getPrimaryKeys(null, null, "ORDERS"), "COLUMN_NAME")).containsExactly("ID", "REGION");
            assertThat(column(md.getPrimaryKeys(null, null, "ORDERS"), "KEY_SEQ")).containsExactly("2", "1");
            assertThat(column(md.getSchemas(), "TABLE_SCHEM")).containsExactly("PUBLIC");
            assertThat(column(md.getTableTypes(), "TABLE_TYPE")).containsExactly("TABLE");
            assertThat(column(md.getTypeInfo(), "TYPE_NAME")).contains("INTEGER", "VARCHAR", "DECIMAL", "TIMESTAMP");
            assertThat(column(md.getImportedKeys(null, null, "ORDERS"), "FKCOLUMN_NAME")).isEmpty();
            assertThat(md.getProcedures(null, null, "%").getMetaData().getColumnName(3)).isEqualTo("PROCEDURE_NAME");
        }
    }
}
