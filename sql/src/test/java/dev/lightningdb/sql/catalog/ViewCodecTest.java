package dev.lightningdb.sql.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.ColumnType.Kind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ViewCodecTest {
    private static final ViewDef VIEW = new ViewDef(new QualifiedName("APP", "Big Orders"),
            "SELECT id, total FROM orders WHERE total > 100 -- ünïcode", "APP",
            List.of(new ColumnDef("ID", ColumnType.of(Kind.BIGINT), true, null),
                    new ColumnDef("TOTAL", ColumnType.decimal(12, 2), true, null)),
            Map.of(new QualifiedName("APP", "ORDERS"), Set.of("ID", "TOTAL")), Set.of(new QualifiedName("PUBLIC", "V0")));

    @Test
    void roundTrips() {
        assertThat(ViewCodec.decode(ViewCodec.encode(VIEW))).isEqualTo(VIEW);
    }

    @Test
    void damagedDefinitionsFailWithMalformedDataOnly() {
        DamagedBytes.decodeEach(ViewCodec.encode(VIEW), ViewCodec::decode);
    }
}
