package dev.lightningdb.tck.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dialect's type mapping, both ways: an entity with one attribute of each basic type is
 * stored, read back in a new session, and found by each attribute as a query parameter, on H2 and
 * on LightningDB; both must give the same answers. Running it twice shows hbm2ddl's drop-and-create
 * on an existing schema.
 */
class HibernateTypesTest {
    @TempDir
    Path dir;

    private static TypeSample sample(int i) {
        TypeSample s = new TypeSample();
        s.flag = i % 2 == 0;
        s.tiny = (byte) (i - 3);
        s.small = (short) (1000 * i);
        s.number = -70_000 * i;
        s.big = 5_000_000_000L * i;
        s.single = 1.5f * i;
        s.dbl = 0.25 * i - 1e10;
        s.money = new BigDecimal("12345.6789").multiply(BigDecimal.valueOf(i));
        s.label = "text ü " + i;
        s.birthDay = LocalDate.of(2024, 2, 28).plusDays(i);
        s.alarm = LocalTime.of(13, 45, 10 + i);
        s.moment = LocalDateTime.of(2024, 12, 31, 23, 59, 58, 125_000_000).plusSeconds(i);
        s.instant = Instant.parse("2024-06-01T10:15:30.250Z").plusSeconds(3600L * i);
        s.token = new UUID(0x1234_5678_9abc_def0L + i, 0x0fed_cba9_8765_4321L);
        s.bytes = new byte[] {0, 1, (byte) 0xff, (byte) i};
        s.colourName = TypeSample.Colour.values()[i % 3];
        s.colourOrdinal = TypeSample.Colour.values()[(i + 1) % 3];
        s.longText = "long ".repeat(1000) + i;
        s.payload = new byte[5000];
        s.payload[4999] = (byte) i;
        return s;
    }

    private static List<String> scenario(String url) {
        List<String> seen = new ArrayList<>();
        for (int round = 0; round < 2; round++) { // the second round drops and recreates the schema
            try (SessionFactory sf = HibernateDialectTest.sessionFactory(url, TypeSample.class)) {
                sf.inTransaction(s -> {
                    for (int i = 1; i <= 3; i++) {
                        s.persist(sample(i));
                    }
                });
                sf.inSession(s -> {
                    for (TypeSample t : s.createSelectionQuery("from TypeSample order by number desc", TypeSample.class).getResultList()) {
                        seen.add("row " + t);
                    }
                    TypeSample two = sample(2);
                    String[][] byAttribute = {{"flag", null}, {"tiny", null}, {"small", null}, {"number", null}, {"big", null},
                        {"money", null}, {"label", null}, {"birthDay", null}, {"alarm", null}, {"moment", null}, {"instant", null},
                        {"token", null}, {"colourName", null}, {"colourOrdinal", null}};
                    Object[] values = {two.flag, two.tiny, two.small, two.number, two.big, two.money, two.label, two.birthDay, two.alarm,
                        two.moment, two.instant, two.token, two.colourName, two.colourOrdinal};
                    for (int a = 0; a < byAttribute.length; a++) {
                        String attribute = byAttribute[a][0];
                        List<Integer> found = s.createSelectionQuery("select t.number from TypeSample t where t." + attribute
                                + " = :v order by t.number", Integer.class).setParameter("v", values[a]).getResultList();
                        seen.add("by " + attribute + " " + found);
                    }
                    seen.add("count " + s.createSelectionQuery("select count(t) from TypeSample t", Long.class).getSingleResult());
                });
            }
        }
        return seen;
    }

    @Test
    void everyBasicTypeRoundTripsAndMatchesH2() {
        List<String> h2 = scenario("jdbc:h2:" + dir.resolve("h2/db"));
        List<String> lightning = scenario("jdbc:lightning:" + dir.resolve("lightning"));
        assertThat(lightning).containsExactlyElementsOf(h2);
        assertThat(lightning).contains("by token [-140000]", "count 3");
    }
}
