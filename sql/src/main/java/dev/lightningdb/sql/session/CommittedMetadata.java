package dev.lightningdb.sql.session;

import dev.lightningdb.sql.ast.ConstraintSpec;
import dev.lightningdb.sql.catalog.Catalog;
import dev.lightningdb.sql.catalog.CatalogView;
import dev.lightningdb.sql.catalog.ColumnDef;
import dev.lightningdb.sql.catalog.ConstraintDef;
import dev.lightningdb.sql.catalog.IndexDef;
import dev.lightningdb.sql.catalog.SequenceDef;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.catalog.ViewDef;
import dev.lightningdb.sql.result.SchemaMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The committed catalog as {@link SchemaMetadata}, built once per catalog version: a database
 * browser's crawl asks for metadata hundreds of times between two DDL commits. Uncommitted DDL of
 * any session is never visible here. Invariants:
 * <ol>
 *   <li>A view is built from one catalog version: the version is read before and after building, and
 *       the build is repeated if a commit published a new catalog in between (the catalog's tables,
 *       sequences and schemas are read separately, and each publish increments the version).
 *   <li>The cached view is the one of the version it is stored with, so a caller never gets a view
 *       older than the version it read first. Concurrent callers may build the same view twice; that
 *       costs time, not correctness, so there is no lock.
 * </ol>
 */
final class CommittedMetadata {
    private static final Comparator<TableDef> TABLE_ORDER =
            Comparator.comparing((TableDef t) -> t.name().schema()).thenComparing(t -> t.name().name());
    private static final Comparator<SequenceDef> SEQUENCE_ORDER =
            Comparator.comparing((SequenceDef q) -> q.name().schema()).thenComparing(q -> q.name().name());

    private final Catalog catalog;
    private volatile Built built;

    private record Built(long version, SchemaMetadata metadata) {
    }

    CommittedMetadata(Catalog catalog) {
        this.catalog = catalog;
    }

    SchemaMetadata current() {
        long version = catalog.version();
        Built b = built;
        if (b != null && b.version() == version) {
            return b.metadata();
        }
        while (true) {
            SchemaMetadata metadata = build();
            long after = catalog.version();
            if (after == version) {
                built = new Built(version, metadata);
                return metadata;
            }
            version = after; // a commit published a new catalog while building (invariant 1)
        }
    }

    private SchemaMetadata build() {
        List<TableDef> defs = new ArrayList<>(catalog.tables());
        defs.sort(TABLE_ORDER);
        List<SchemaMetadata.Table> tables = new ArrayList<>();
        for (TableDef t : defs) {
            tables.add(table(t, catalog));
        }
        List<SequenceDef> sequenceDefs = new ArrayList<>(catalog.sequences());
        sequenceDefs.sort(SEQUENCE_ORDER);
        List<SchemaMetadata.Sequence> sequences = new ArrayList<>();
        for (SequenceDef q : sequenceDefs) {
            sequences.add(new SchemaMetadata.Sequence(q.name().schema(), q.name().name()));
        }
        List<SchemaMetadata.View> views = new ArrayList<>();
        List<ViewDef> viewDefs = new ArrayList<>(catalog.views());
        viewDefs.sort(Comparator.comparing((ViewDef v) -> v.name().schema()).thenComparing(v -> v.name().name()));
        for (ViewDef v : viewDefs) {
            List<SchemaMetadata.Column> columns = new ArrayList<>();
            for (int i = 0; i < v.columns().size(); i++) {
                ColumnDef c = v.columns().get(i);
                columns.add(new SchemaMetadata.Column(c.name(), c.type(), true, null, false, i + 1));
            }
            views.add(new SchemaMetadata.View(v.name().schema(), v.name().name(), columns, v.sql()));
        }
        return new SchemaMetadata(List.copyOf(catalog.schemas()), tables, sequences, views);
    }

    /** {@code t} as metadata reports it; {@code catalog} resolves the tables its foreign keys reference. */
    static SchemaMetadata.Table table(TableDef t, CatalogView catalog) {
        List<SchemaMetadata.Column> columns = new ArrayList<>();
        int first = t.firstDeclaredColumn(); // a hidden row id is no column to report
        for (int i = first; i < t.columns().size(); i++) {
            ColumnDef c = t.column(i);
            boolean identity = t.identity() != null && t.identity().column() == i;
            columns.add(new SchemaMetadata.Column(c.name(), c.type(), c.nullable(), c.defaultSql(), identity, i + 1 - first, c.generatedSql()));
        }
        List<SchemaMetadata.Index> indexes = new ArrayList<>();
        for (IndexDef i : t.indexes()) {
            indexes.add(new SchemaMetadata.Index(i.name(), i.unique(), names(t, i.columns())));
        }
        List<SchemaMetadata.ForeignKey> foreignKeys = new ArrayList<>();
        for (ConstraintDef c : t.constraints()) {
            if (c.kind() != ConstraintSpec.Kind.FOREIGN_KEY) {
                continue;
            }
            TableDef referenced = catalog.table(c.references());
            if (referenced == null) {
                continue; // the referenced table was dropped: nothing to report
            }
            List<String> referencedColumns = c.referencedColumns().isEmpty()
                    ? primaryKey(referenced) : c.referencedColumns();
            foreignKeys.add(new SchemaMetadata.ForeignKey(c.name(), c.columns(), referenced.name().schema(),
                    referenced.name().name(), referencedColumns, c.onUpdate().sql(), c.onDelete().sql()));
        }
        return new SchemaMetadata.Table(t.name().schema(), t.name().name(), columns, primaryKey(t), indexes, foreignKeys);
    }

    /** The declared primary key: none for a table keyed by its hidden row id. */
    private static List<String> primaryKey(TableDef t) {
        return t.hasRowId() ? List.of() : names(t, t.primaryKey());
    }

    private static List<String> names(TableDef t, int[] positions) {
        List<String> out = new ArrayList<>(positions.length);
        for (int p : positions) {
            out.add(t.column(p).name());
        }
        return out;
    }
}
