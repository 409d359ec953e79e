package dev.lightningdb.sql.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightningdb.sql.ast.ConstraintSpec;
import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.ast.ReferentialAction;
import dev.lightningdb.sql.codec.MalformedDataException;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.ColumnType.Kind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Foreign key actions in stored table definitions: round trip, and definitions written before actions existed. */
class ConstraintActionsTest {
    private static final QualifiedName PARENT = new QualifiedName("PUBLIC", "PARENT");

    private static TableDef child(ReferentialAction onDelete, ReferentialAction onUpdate) {
        List<ColumnDef> columns = List.of(new ColumnDef("ID", ColumnType.of(Kind.INTEGER), false, null),
                new ColumnDef("PID", ColumnType.of(Kind.INTEGER), true, null));
        List<ConstraintDef> constraints = List.of(
                new ConstraintDef("CK", ConstraintSpec.Kind.CHECK, List.of(), "ID > 0", null, List.of()),
                new ConstraintDef("FK", ConstraintSpec.Kind.FOREIGN_KEY, List.of("PID"), null, PARENT, List.of("ID"), onDelete, onUpdate));
        return new TableDef(7, new QualifiedName("PUBLIC", "CHILD"), columns, new int[] {0}, null, List.of(), constraints);
    }

    @Test
    void actionsRoundTrip() {
        TableDef back = CatalogCodec.decode(CatalogCodec.encode(child(ReferentialAction.CASCADE, ReferentialAction.SET_DEFAULT)));
        ConstraintDef fk = back.constraints().get(1);
        assertThat(fk.onDelete()).isEqualTo(ReferentialAction.CASCADE);
        assertThat(fk.onUpdate()).isEqualTo(ReferentialAction.SET_DEFAULT);
        assertThat(back.constraints().get(0).onDelete()).isEqualTo(ReferentialAction.NO_ACTION);
    }

    /**
     * A definition whose actions are all NO ACTION is written exactly as before actions existed (no
     * section), so the definitions of an older database read as NO ACTION; one with actions is those
     * bytes plus the section.
     */
    @Test
    void definitionsWithoutActionsKeepTheOlderFormat() {
        byte[] older = CatalogCodec.encode(child(ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION));
        byte[] newer = CatalogCodec.encode(child(ReferentialAction.RESTRICT, ReferentialAction.SET_NULL));
        assertThat(Arrays.copyOf(newer, older.length)).isEqualTo(older);
        assertThat(newer[older.length]).isEqualTo((byte) 'F');
        assertThat(CatalogCodec.decode(older).constraints()).allMatch(c -> c.onDelete() == ReferentialAction.NO_ACTION
                && c.onUpdate() == ReferentialAction.NO_ACTION);
    }

    @Test
    void unknownSectionsAreSkippedAndBadActionsRefused() {
        byte[] base = CatalogCodec.encode(child(ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION));
        byte[] withUnknown = Arrays.copyOf(base, base.length + 4);
        withUnknown[base.length] = 'Z';
        withUnknown[base.length + 1] = 2;
        assertThat(CatalogCodec.decode(withUnknown).constraints()).hasSize(2);
        byte[] badAction = Arrays.copyOf(base, base.length + 6);
        badAction[base.length] = 'F';
        badAction[base.length + 1] = 4;
        badAction[base.length + 5] = 99;
        assertThatThrownBy(() -> CatalogCodec.decode(badAction)).isInstanceOf(MalformedDataException.class);
    }
}
