package dev.lightningdb.tck.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.Column;
import schemacrawler.schema.Table;
import schemacrawler.schema.View;
import schemacrawler.schemacrawler.InformationSchemaKey;
import schemacrawler.schemacrawler.InformationSchemaViewsBuilder;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.schemacrawler.SchemaRetrievalOptions;
import schemacrawler.schemacrawler.SchemaRetrievalOptionsBuilder;
import schemacrawler.tools.options.ConfigUtility;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSources;

/**
 * A browser's crawl sees a view: listed by {@code getTables} as a VIEW, with its columns, and its
 * definition read from INFORMATION_SCHEMA.VIEWS (the SQL a SchemaCrawler plugin supplies).
 */
class SchemaCrawlerViewTest {
    static {
        new SchemaCrawlerTest(); // its static block quiets SchemaCrawler's logging
    }

    @TempDir
    Path dir;

    @Test
    void crawlSeesTheViewItsColumnsAndItsDefinition() throws Exception {
        String url = "jdbc:lightning:" + dir.resolve("db");
        Catalog catalog;
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE emp (id INT PRIMARY KEY, dept VARCHAR(10), sal INT)");
                s.executeUpdate("CREATE VIEW dept_pay AS SELECT dept, SUM(sal) AS total FROM emp GROUP BY dept");
            }
            SchemaCrawlerOptions options = SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
                    .withLimitOptions(LimitOptionsBuilder.builder().includeSchemas(Pattern.compile("PUBLIC"))
                            .tableTypes("TABLE", "VIEW").toOptions())
                    .withLoadOptions(LoadOptionsBuilder.builder().withSchemaInfoLevel(SchemaInfoLevelBuilder.maximum()).toOptions());
            SchemaRetrievalOptions retrieval = SchemaRetrievalOptionsBuilder.builder().fromConnnection(c)
                    .withInformationSchemaViews(InformationSchemaViewsBuilder.builder().withSql(InformationSchemaKey.VIEWS,
                            "SELECT table_catalog, table_schema, table_name, view_definition, check_option, is_updatable"
                                    + " FROM information_schema.views").toOptions())
                    .toOptions();
            catalog = SchemaCrawlerUtility.getCatalog(DatabaseConnectionSources.fromConnection(c), retrieval, options,
                    ConfigUtility.newConfig());
        }
        Table view = catalog.getTables().stream().filter(t -> t.getName().equals("DEPT_PAY")).findFirst().orElseThrow();
        assertThat(view).isInstanceOf(View.class);
        assertThat(view.getTableType().isView()).isTrue();
        assertThat(view.getColumns()).extracting(Column::getName).containsExactly("DEPT", "TOTAL");
        assertThat(view.getColumns()).allMatch(Column::isNullable);
        assertThat(view.hasPrimaryKey()).isFalse();
        assertThat(((View) view).getDefinition()).contains("SUM(sal)");
        assertThat(catalog.getTables()).extracting(Table::getName).containsExactlyInAnyOrder("EMP", "DEPT_PAY");
        assertThat(List.of(view.getFullName())).containsExactly("PUBLIC.DEPT_PAY");
    }
}
