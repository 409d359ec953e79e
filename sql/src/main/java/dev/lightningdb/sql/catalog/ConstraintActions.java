package dev.lightningdb.sql.catalog;

import dev.lightningdb.sql.ast.ReferentialAction;
import dev.lightningdb.sql.codec.ByteReader;
import dev.lightningdb.sql.codec.ByteWriter;
import dev.lightningdb.sql.codec.MalformedDataException;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored ON DELETE / ON UPDATE actions of a table's foreign keys: an optional tagged section
 * after the constraints of a {@link CatalogCodec} table definition (tag {@code 'F'}, varint length,
 * then per constraint in order its delete and update action ordinals). It is written only when some
 * action is not NO ACTION, so the definitions written before actions existed read as they were:
 * every action NO ACTION.
 */
final class ConstraintActions {
    static final int TAG = 'F';

    private ConstraintActions() {
    }

    /** Appends the section when any constraint has an action other than NO ACTION. */
    static void write(ByteWriter w, List<ConstraintDef> constraints) {
        boolean any = constraints.stream().anyMatch(c -> c.onDelete() != ReferentialAction.NO_ACTION
                || c.onUpdate() != ReferentialAction.NO_ACTION);
        if (!any) {
            return;
        }
        w.write(TAG).writeVarLong(constraints.size() * 2L);
        for (ConstraintDef c : constraints) {
            w.write(c.onDelete().ordinal()).write(c.onUpdate().ordinal());
        }
    }

    /** {@code constraints} with the actions of a section's {@code payload}. */
    static List<ConstraintDef> read(byte[] payload, List<ConstraintDef> constraints) {
        if (payload.length != constraints.size() * 2) {
            throw new MalformedDataException("foreign key actions for " + payload.length / 2 + " constraints, not " + constraints.size());
        }
        ByteReader r = new ByteReader(payload);
        List<ConstraintDef> out = new ArrayList<>(constraints.size());
        for (ConstraintDef c : constraints) {
            ReferentialAction onDelete = action(r.read());
            ReferentialAction onUpdate = action(r.read());
            out.add(new ConstraintDef(c.name(), c.kind(), c.columns(), c.checkSql(), c.references(), c.referencedColumns(), onDelete,
                    onUpdate));
        }
        return out;
    }

    private static ReferentialAction action(int ordinal) {
        if (ordinal < 0 || ordinal >= ReferentialAction.values().length) {
            throw new MalformedDataException("unknown referential action " + ordinal);
        }
        return ReferentialAction.values()[ordinal];
    }
}
