package dev.lightningdb.sql.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.sql.ast.OnCommit;
import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.ast.Temporary;
import dev.lightningdb.sql.codec.MalformedDataException;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.ColumnType.Kind;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CatalogCodecTest {
    private static final TableDef TABLE = new TableDef(42, new QualifiedName("APP", "Orders"), List.of(
            new ColumnDef("ID", ColumnType.of(Kind.BIGINT), false, null),
            new ColumnDef("NOTE", ColumnType.sized(Kind.VARCHAR, 80), true, "'none'"),
            new ColumnDef("TOTAL", ColumnType.decimal(12, 2), true, null)), new int[] {0});

    @Test
    void roundTrips() {
        TableDef back = CatalogCodec.decode(CatalogCodec.encode(TABLE));
        assertThat(back.id()).isEqualTo(42);
        assertThat(back.name()).isEqualTo(TABLE.name());
        assertThat(back.columns()).isEqualTo(TABLE.columns());
        assertThat(back.primaryKey()).containsExactly(0);
    }

    @Test
    void aGlobalTemporaryTableKeepsItsKindAndOlderDefinitionsReadAsPermanent() {
        TableDef global = new TableDef(43, new QualifiedName("APP", "IDS"), TABLE.columns(), new int[] {0}, null, List.of(), List.of(),
                new Temporary(true, OnCommit.DELETE_ROWS));
        TableDef back = CatalogCodec.decode(CatalogCodec.encode(global));
        assertThat(back.temporary()).isEqualTo(new Temporary(true, OnCommit.DELETE_ROWS));
        assertThat(back.keyPrefix()[0]).isEqualTo(TableDef.TEMPORARY_TABLE_DATA);
        byte[] permanent = CatalogCodec.encode(TABLE); // what every definition written before temporary tables looks like
        assertThat(CatalogCodec.decode(permanent).temporary()).isNull();
        byte[] withGlobal = CatalogCodec.encode(global);
        assertThat(withGlobal.length).isEqualTo(CatalogCodec.encode(global.withName(global.name())).length);
        withGlobal[withGlobal.length - 2] = 'Z';
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CatalogCodec.decode(withGlobal)).isInstanceOf(MalformedDataException.class);
    }

    @Test
    void damagedDefinitionsFailWithMalformedDataOnly() {
        byte[] good = CatalogCodec.encode(TABLE);
        Random r = new Random(Long.getLong("lightning.seed", 7));
        for (int i = 0; i < 20_000; i++) {
            byte[] bad;
            if (r.nextBoolean()) {
                bad = good.clone();
                bad[r.nextInt(bad.length)] ^= (byte) (1 << r.nextInt(8));
            } else {
                bad = new byte[r.nextInt(good.length + 1)];
                System.arraycopy(good, 0, bad, 0, bad.length);
            }
            try {
                CatalogCodec.decode(bad);
            } catch (MalformedDataException expected) {
                // a flipped bit may still decode (e.g. inside a name); it must never throw anything else
            }
        }
    }
}
