package dev.lightningdb.sql.plan;

import dev.lightningdb.sql.catalog.CatalogView;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.catalog.ViewDef;
import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** One SQL schema (e.g. PUBLIC) as Calcite sees it, backed by a transaction's catalog view: its tables and its views. */
final class LightningSchema extends AbstractSchema {
    private final String name;
    private final CatalogView catalog;

    LightningSchema(String name, CatalogView catalog) {
        this.name = name;
        this.catalog = catalog;
    }

    @Override
    protected Map<String, Table> getTableMap() {
        Map<String, Table> tables = new HashMap<>();
        for (TableDef t : catalog.tables()) {
            if (t.name().schema().equals(name)) {
                tables.put(t.name().name(), new LightningTable(t, catalog.statistics(t.id())));
            }
        }
        for (ViewDef v : catalog.views()) {
            if (v.name().schema().equals(name)) {
                tables.put(v.name().name(), new LightningView(v));
            }
        }
        return tables;
    }
}
