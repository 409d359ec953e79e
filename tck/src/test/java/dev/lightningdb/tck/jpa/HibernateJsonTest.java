package dev.lightningdb.tck.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate's {@code SqlTypes.JSON} through the dialect: a Map and a List attribute stored as JSON,
 * read back in a new session, on H2 and on LightningDB with the same answers; on LightningDB also
 * queried with JSON_VALUE in native SQL (H2 2.3 has no JSON_VALUE).
 */
class HibernateJsonTest {
    @TempDir
    Path dir;

    private static List<String> scenario(String url, boolean jsonFunctions) {
        List<String> seen = new ArrayList<>();
        try (SessionFactory sf = HibernateDialectTest.sessionFactory(url, JsonDocument.class)) {
            sf.inTransaction(s -> {
                for (long i = 1; i <= 3; i++) {
                    JsonDocument d = new JsonDocument();
                    d.id = i;
                    d.attributes = Map.of("name", "doc " + i, "size", (int) i * 10, "draft", i == 2);
                    d.tags = List.of("t" + i, "common");
                    s.persist(d);
                }
            });
            sf.inTransaction(s -> s.find(JsonDocument.class, 3L).tags = List.of("changed"));
            sf.inSession(s -> {
                for (JsonDocument d : s.createSelectionQuery("from JsonDocument order by id", JsonDocument.class).getResultList()) {
                    seen.add("row " + d);
                }
                if (!jsonFunctions) {
                    return;
                }
                seen.add("names " + s.createNativeQuery("SELECT JSON_VALUE(attributes, '$.name') FROM JsonDocument "
                        + "WHERE JSON_VALUE(attributes, '$.size') = '20' ORDER BY id", String.class).getResultList());
            });
        }
        return seen;
    }

    @Test
    void mapAndListAttributesRoundTripAsJsonAndMatchH2() {
        List<String> h2 = scenario("jdbc:h2:" + dir.resolve("h2/db"), false);
        List<String> lightning = scenario("jdbc:lightning:" + dir.resolve("lightning"), true);
        assertThat(lightning.subList(0, h2.size())).containsExactlyElementsOf(h2);
        assertThat(lightning).contains("names [doc 2]", "row 3 {draft=false, name=doc 3, size=30} [changed]");
    }
}
