package dev.lightningdb.sql.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.ColumnType.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A table without a primary key is stored in the existing definition format: nothing new to read. */
class RowIdCodecTest {
    private static final ColumnDef A = new ColumnDef("A", ColumnType.of(Kind.INTEGER), true, null);

    @Test
    void aRowIdTableRoundTripsInTheSameFormat() {
        TableDef table = new TableDef(9, new QualifiedName("PUBLIC", "NOPK"), RowId.withId(List.of(A)), RowId.key());
        assertThat(table.hasRowId()).isTrue();
        assertThat(table.firstDeclaredColumn()).isEqualTo(1);
        byte[] stored = CatalogCodec.encode(table);
        assertThat(stored[0]).isEqualTo((byte) 2); // the format version every earlier database has
        TableDef back = CatalogCodec.decode(stored);
        assertThat(back.hasRowId()).isTrue();
        assertThat(back.columns()).isEqualTo(table.columns());
        assertThat(back.primaryKey()).containsExactly(0);
    }

    @Test
    void aTableWithADeclaredKeyHasNoRowId() {
        TableDef keyed = new TableDef(3, new QualifiedName("PUBLIC", "K"), List.of(
                new ColumnDef("ID", ColumnType.of(Kind.BIGINT), false, null), A), new int[] {0});
        assertThat(CatalogCodec.decode(CatalogCodec.encode(keyed)).hasRowId()).isFalse();
        assertThat(keyed.isHidden(0)).isFalse();
    }
}
