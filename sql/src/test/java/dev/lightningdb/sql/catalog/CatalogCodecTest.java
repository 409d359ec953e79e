package dev.lightningdb.sql.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.sql.ast.QualifiedName;
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

    @Test
    void damagedDefinitionsFailWithMalformedDataOnly() {
        // a flipped bit may still decode (e.g. inside a name); it must never throw anything else
        DamagedBytes.decodeEach(CatalogCodec.encode(TABLE), CatalogCodec::decode);
    }
}
