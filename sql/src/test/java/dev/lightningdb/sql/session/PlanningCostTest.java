package dev.lightningdb.sql.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Planning cost per new statement text, printed: five query shapes, each sent as many texts that
 * differ only in a compared literal, as tools sending plain statements do. Run with
 * {@code mvn -o -pl sql -am test -Pstress -Dtest=PlanningCostTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("stress")
class PlanningCostTest extends SqlTestSupport {
    private static final String[] SHAPES = {
        "SELECT c0, c4 FROM t0 WHERE c1 = %d",
        "SELECT c0 FROM t0 WHERE c0 > %d ORDER BY c0 LIMIT 5",
        "SELECT COUNT(*) FROM t0 WHERE c1 < %d",
        "SELECT a.c0, b.c4 FROM t0 a JOIN t1 b ON a.c1 = b.c1 WHERE a.c0 = %d",
        "SELECT c1, COUNT(*) FROM t0 WHERE c0 >= %d GROUP BY c1",
    };

    @Test
    void textsDifferingInLiteralsPlanOncePerShape() {
        update("CREATE TABLE t0 (c0 INT PRIMARY KEY, c1 INT, c3 DOUBLE, c4 VARCHAR(10))");
        update("CREATE TABLE t1 (c0 INT PRIMARY KEY, c1 INT, c4 VARCHAR(10))");
        for (int i = 0; i < 200; i++) {
            update("INSERT INTO t0 VALUES (?, ?, ?, ?)", i, i % 10, i * 0.5, "s" + i);
        }
        for (int i = 0; i < 50; i++) {
            update("INSERT INTO t1 VALUES (?, ?, ?)", i, i % 7, "s" + i);
        }
        int texts = Integer.getInteger("lightning.planning.texts", 300);
        for (String shape : SHAPES) {
            long start = System.nanoTime();
            for (int i = 0; i < texts; i++) {
                rows(String.format(shape, i));
            }
            System.out.printf("PlanningCostTest: %-70s %.2f ms per new text%n", shape, (System.nanoTime() - start) / 1e6 / texts);
            String key = String.format(shape, 0).replaceFirst(" 0( |$)", " ?$1");
            assertThat(db.statements().liftedPlan("PUBLIC", key, session.catalog().version())).as(key).isNotNull();
        }
    }
}
