package dev.lightningdb.sql.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.sql.ast.OnCommit;
import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.ast.Temporary;
import dev.lightningdb.sql.codec.MalformedDataException;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.ColumnType.Kind;
import java.util.List;
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

    /** TABLE as the codec wrote it before generated columns existed: such a database must still open. */
    private static final String WRITTEN_BEFORE_GENERATED_COLUMNS =
            "022a03415050064f72646572730302494406424947494e54000000044e4f5445075641524348415251000306276e6f6e652705544f54414c07444543494d414c0d02010100000000";

    @Test
    void definitionsWrittenBeforeGeneratedColumnsStillDecodeAndEncodeTheSame() {
        byte[] old = java.util.HexFormat.of().parseHex(WRITTEN_BEFORE_GENERATED_COLUMNS);
        assertThat(CatalogCodec.decode(old).columns()).isEqualTo(TABLE.columns());
        assertThat(CatalogCodec.encode(TABLE)).isEqualTo(old);
    }

    @Test
    void generatedColumnsRoundTrip() {
        TableDef t = new TableDef(7, new QualifiedName("PUBLIC", "G"), List.of(
                new ColumnDef("ID", ColumnType.of(Kind.INTEGER), false, null),
                new ColumnDef("A", ColumnType.of(Kind.INTEGER), true, "1"),
                new ColumnDef("B", ColumnType.of(Kind.BIGINT), false, null, "A * 2")), new int[] {0});
        assertThat(CatalogCodec.decode(CatalogCodec.encode(t)).columns()).isEqualTo(t.columns());
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
        // a flipped bit may still decode (e.g. inside a name); it must never throw anything else
        DamagedBytes.decodeEach(CatalogCodec.encode(TABLE), CatalogCodec::decode);
    }
}
