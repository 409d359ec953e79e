package dev.lightningdb.sql.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.codec.MalformedDataException;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.ColumnType.Kind;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
        byte[] good = ViewCodec.encode(VIEW);
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
                ViewCodec.decode(bad);
            } catch (MalformedDataException expected) {
                // the only acceptable failure
            }
        }
    }
}
