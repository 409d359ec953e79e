package dev.lightningdb.sql.plan;

import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.catalog.CatalogView;
import dev.lightningdb.sql.catalog.SequenceDef;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.catalog.ViewDef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** The rows of INFORMATION_SCHEMA's SCHEMATA, TABLES, VIEWS and SEQUENCES. */
final class InfoObjects {
    private InfoObjects() {
    }

    /** {@code items} in schema, then name order. */
    static <T> List<T> sorted(Collection<T> items, Function<T, QualifiedName> name) {
        List<T> out = new ArrayList<>(items);
        out.sort(Comparator.comparing((T t) -> name.apply(t).schema()).thenComparing(t -> name.apply(t).name()));
        return out;
    }

    static List<Object[]> schemata(CatalogView catalog) {
        List<String> names = new ArrayList<>(catalog.schemas());
        names.add(InformationSchema.NAME);
        names.sort(Comparator.naturalOrder());
        List<Object[]> rows = new ArrayList<>();
        for (String s : names) {
            rows.add(new Object[] {null, s, null, "UTF8", null});
        }
        return rows;
    }

    /** Tables and views, together in name order. */
    static List<Object[]> tables(CatalogView catalog) {
        List<Object[]> rows = new ArrayList<>();
        for (TableDef t : catalog.tables()) {
            rows.add(new Object[] {null, t.name().schema(), t.name().name(), "BASE TABLE", "YES", null, null});
        }
        for (ViewDef v : catalog.views()) {
            rows.add(new Object[] {null, v.name().schema(), v.name().name(), "VIEW", "NO", null, null});
        }
        for (String name : InformationSchema.VIEWS.keySet()) {
            rows.add(new Object[] {null, InformationSchema.NAME, name, "VIEW", "NO", null, null});
        }
        rows.sort(Comparator.comparing((Object[] r) -> (String) r[1]).thenComparing(r -> (String) r[2]));
        return rows;
    }

    static List<Object[]> views(CatalogView catalog) {
        List<Object[]> rows = new ArrayList<>();
        for (ViewDef v : sorted(catalog.views(), ViewDef::name)) {
            rows.add(new Object[] {null, v.name().schema(), v.name().name(), v.sql(), "NONE", "NO", "NO", "NO"});
        }
        for (String name : InformationSchema.VIEWS.keySet()) {
            rows.add(new Object[] {null, InformationSchema.NAME, name, null, "NONE", "NO", "NO", "NO"});
        }
        rows.sort(Comparator.comparing((Object[] r) -> (String) r[1]).thenComparing(r -> (String) r[2]));
        return rows;
    }

    static List<Object[]> sequences(CatalogView catalog) {
        List<Object[]> rows = new ArrayList<>();
        for (SequenceDef s : sorted(catalog.sequences(), SequenceDef::name)) {
            rows.add(new Object[] {null, s.name().schema(), s.name().name(), "BIGINT", s.start(), s.min(), s.max(), s.increment(),
                    s.cycle() ? "YES" : "NO"});
        }
        return rows;
    }
}
