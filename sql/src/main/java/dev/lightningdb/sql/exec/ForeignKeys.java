package dev.lightningdb.sql.exec;

import dev.lightningdb.sql.catalog.CatalogView;
import dev.lightningdb.sql.catalog.ConstraintDef;
import dev.lightningdb.sql.catalog.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The foreign keys around a table: those it declares (it is the child) and those of every table
 * that reference it (it is the parent). Both depend on other tables' definitions (the whole catalog
 * for the second), so the lists are cached per committed catalog version (a view with uncommitted
 * DDL computes them afresh).
 */
final class ForeignKeys {
    private record Cached(long version, List<ForeignKey> keys) {
    }

    /**
     * Per committed table definition (TableDef has identity equality: definitions are immutable and
     * replaced by every change). Read without a lock, since every UPDATE and DELETE asks; emptied when
     * it reaches {@value #CACHED_TABLES} tables (it is cheap to fill again). Not weak: the lists hold
     * their table's definition.
     */
    private static final Map<TableDef, Cached> OUTGOING = new ConcurrentHashMap<>();
    private static final Map<TableDef, Cached> INCOMING = new ConcurrentHashMap<>();
    private static final int CACHED_TABLES = 1024;

    private ForeignKeys() {
    }

    /** The foreign keys {@code table} declares whose referenced table exists. */
    static List<ForeignKey> outgoing(CatalogView view, TableDef table) {
        return cached(OUTGOING, view, table, () -> {
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
        });
    }

    /** The foreign keys, of any table (itself included), that reference {@code table}. */
    static List<ForeignKey> incoming(CatalogView view, TableDef table) {
        return cached(INCOMING, view, table, () -> {
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
            return in;
        });
    }

    /** {@code compute}'s list, kept per table definition while the committed catalog version stays (never for uncommitted DDL). */
    private static List<ForeignKey> cached(Map<TableDef, Cached> cache, CatalogView view, TableDef table,
                                           java.util.function.Supplier<List<ForeignKey>> compute) {
        long version = view.version();
        if (version < 0) {
            return compute.get();
        }
        Cached c = cache.get(table);
        if (c != null && c.version() == version) {
            return c.keys();
        }
        List<ForeignKey> keys = List.copyOf(compute.get());
        if (cache.size() >= CACHED_TABLES) {
            cache.clear();
        }
        cache.put(table, new Cached(version, keys));
        return keys;
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
