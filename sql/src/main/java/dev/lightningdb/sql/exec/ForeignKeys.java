package dev.lightningdb.sql.exec;

import dev.lightningdb.sql.catalog.CatalogView;
import dev.lightningdb.sql.catalog.ConstraintDef;
import dev.lightningdb.sql.catalog.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The foreign keys around a table: those it declares (it is the child) and those of every table
 * that reference it (it is the parent). Which tables reference a table depends on the whole
 * catalog, so those lists are cached per committed catalog version (a view with uncommitted DDL
 * computes them afresh).
 */
final class ForeignKeys {
    private record Cached(long version, List<ForeignKey> incoming) {
    }

    /** Per committed table definition: definitions are immutable and replaced by every change. */
    private static final Map<TableDef, Cached> INCOMING = new WeakHashMap<>();

    private ForeignKeys() {
    }

    /** The foreign keys {@code table} declares whose referenced table exists. */
    static List<ForeignKey> outgoing(CatalogView view, TableDef table) {
        List<ForeignKey> out = new ArrayList<>(0);
        for (ConstraintDef c : table.constraints()) {
            if (c.isForeignKey()) {
                ForeignKey fk = ForeignKey.resolve(view, table, c);
                if (fk != null) {
                    out.add(fk);
                }
            }
        }
        return out;
    }

    /** The foreign keys, of any table (itself included), that reference {@code table}. */
    static List<ForeignKey> incoming(CatalogView view, TableDef table) {
        long version = view.version();
        if (version >= 0) {
            synchronized (INCOMING) {
                Cached c = INCOMING.get(table);
                if (c != null && c.version() == version) {
                    return c.incoming();
                }
            }
        }
        List<ForeignKey> in = new ArrayList<>(0);
        for (TableDef child : view.tables()) {
            for (ConstraintDef c : child.constraints()) {
                if (c.isForeignKey() && c.references().equals(table.name())) {
                    ForeignKey fk = ForeignKey.resolve(view, child, c);
                    if (fk != null && fk.parent().id() == table.id()) {
                        in.add(fk);
                    }
                }
            }
        }
        if (version >= 0) {
            synchronized (INCOMING) {
                INCOMING.put(table, new Cached(version, List.copyOf(in)));
            }
        }
        return in;
    }

    /** Whether any other table's foreign key references {@code table}. */
    static List<ForeignKey> fromOtherTables(CatalogView view, TableDef table) {
        List<ForeignKey> out = new ArrayList<>();
        for (ForeignKey fk : incoming(view, table)) {
            if (fk.child().id() != table.id()) {
                out.add(fk);
            }
        }
        return out;
    }
}
