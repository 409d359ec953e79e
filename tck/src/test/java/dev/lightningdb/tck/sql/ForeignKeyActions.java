package dev.lightningdb.tck.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Foreign keys with actions in generated schemas ({@link Feature#FOREIGN_KEY_ACTIONS}): a column
 * {@code R0 INTEGER} is appended to one table (the child) and references the single-column
 * primary key {@code C0} of another table or of itself (the parent), with random ON DELETE and ON
 * UPDATE actions. The loaded rows reference existing parents or hold NULL; the generated queries
 * and DML read and write R0 like any other column, so deletes and key updates of the parent run the
 * actions on both databases, and the differential test compares every table afterwards.
 *
 * <p>A self-reference gets CASCADE or SET NULL only: H2 checks NO ACTION and RESTRICT row by row,
 * so a statement that deletes a parent and its children together fails there and passes here (as in
 * PostgreSQL, which checks at the end of the statement). SET DEFAULT is left out: R0 has no DEFAULT,
 * and H2 then refuses the action (23507) where LightningDB, as PostgreSQL, sets the implicit default
 * NULL. Both differences are documented in docs/design.md; ForeignKeyMatrixTest covers SET DEFAULT.
 */
final class ForeignKeyActions {
    private static final String[] ACTIONS = {"NO ACTION", "RESTRICT", "CASCADE", "SET NULL"};

    /** A schema, maybe with a child column added, and the ALTER TABLE statements that make the key. */
    record Attached(Schema schema, List<String> statements) {
        /** Adds the foreign keys on both databases (after the rows are loaded, so each is checked against them). */
        void apply(DatabasePair db) {
            for (String sql : statements) {
                Outcome l = Outcome.run(db.lightning, sql);
                Outcome h = Outcome.run(db.h2, sql);
                if (l.failed() || h.failed()) {
                    throw new IllegalStateException("foreign key setup failed: " + sql + "\n  H2: " + h + "\n  LightningDB: " + l);
                }
                db.remember(sql);
            }
        }
    }

    private ForeignKeyActions() {
    }

    static Attached attach(Schema schema, Random random) {
        // LightningDB refuses every foreign key of a temporary table (TemporaryTableRules): permanent tables only
        List<Schema.Table> permanent = schema.tables().stream().filter(t -> !TemporaryTableSchemas.isTemporary(t)).toList();
        List<Schema.Table> parents = permanent.stream().filter(t -> t.key().size() == 1 && !t.rows().isEmpty()).toList();
        if (!Feature.FOREIGN_KEY_ACTIONS.on() || parents.isEmpty() || random.nextInt(3) == 0) {
            return new Attached(schema, List.of());
        }
        Schema.Table parent = parents.get(random.nextInt(parents.size()));
        Schema.Table child = permanent.get(random.nextInt(permanent.size()));
        boolean self = child == parent;
        String onDelete = action(random, self);
        String onUpdate = action(random, self);
        Schema.Column r0 = new Schema.Column("R0", SqlType.INTEGER, 0, 0, 0, false);
        List<Schema.Column> columns = new ArrayList<>(child.columns());
        columns.add(r0);
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : child.rows()) {
            List<String> extended = new ArrayList<>(row);
            extended.add(random.nextInt(4) == 0 ? "NULL" : parent.rows().get(random.nextInt(parent.rows().size())).get(0));
            rows.add(extended);
        }
        Schema.Table newChild = new Schema.Table(child.name(), columns, child.key(), rows);
        List<Schema.Table> tables = new ArrayList<>(schema.tables());
        tables.set(tables.indexOf(child), newChild);
        String sql = "ALTER TABLE " + child.name() + " ADD CONSTRAINT FK_R0 FOREIGN KEY (R0) REFERENCES " + parent.name()
                + " (C0) ON DELETE " + onDelete + " ON UPDATE " + onUpdate;
        return new Attached(new Schema(tables), List.of(sql));
    }

    private static String action(Random random, boolean self) {
        return self ? ACTIONS[2 + random.nextInt(2)] : ACTIONS[random.nextInt(ACTIONS.length)];
    }
}
