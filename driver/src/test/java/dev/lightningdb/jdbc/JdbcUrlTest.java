package dev.lightningdb.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightningdb.engine.common.WalSyncMode;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcUrlTest {
    @Test
    void parsesFileAndMemoryUrlsWithSettings() throws SQLException {
        JdbcUrl file = JdbcUrl.parse("jdbc:lightning:./data/app?walSyncMode=SYNC&cacheSize=8MB", null);
        assertThat(file.inMemory()).isFalse();
        assertThat(file.path().isAbsolute() && file.path().endsWith(java.nio.file.Path.of("data", "app"))).isTrue();
        assertThat(file.config().walSyncMode()).isEqualTo(WalSyncMode.SYNC);
        assertThat(file.config().cacheSize()).isEqualTo(8L << 20);

        Properties p = new Properties();
        p.setProperty("cacheSize", "16MB");
        p.setProperty("user", "sa");
        p.setProperty("password", "secret");
        JdbcUrl mem = JdbcUrl.parse("JDBC:LIGHTNING:mem:test?cacheSize=32MB", p);
        assertThat(mem.inMemory()).isTrue();
        assertThat(mem.key()).isEqualTo("mem:test");
        assertThat(mem.config().cacheSize()).isEqualTo(32L << 20); // the URL wins over Properties
        assertThat(mem.settings()).doesNotContainKeys("user", "password");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "jdbc:lightning:", "jdbc:lightning:mem:", "jdbc:lightning:?a=b", "jdbc:h2:mem:x",
            "jdbc:lightning:x?novalue", "jdbc:lightning:x?=1", "jdbc:lightning:x?a=%zz", "jdbc:lightning:x\u0000y"})
    void malformedUrlsAre08001(String url) {
        assertThatThrownBy(() -> JdbcUrl.parse(url, null)).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:lightning:mem:x?pageSize=huge", "jdbc:lightning:mem:x?noSuchKnob=1",
            "jdbc:lightning:mem:x?pageSize=4096&maxKeySize=4096"})
    void badSettingsNameTheSetting(String url) throws SQLException {
        JdbcUrl parsed = JdbcUrl.parse(url, null);
        assertThatThrownBy(parsed::config).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"))
                .hasMessageMatching("(?s).*(pageSize|noSuchKnob|maxKeySize).*");
    }

    @Test
    void randomUrlsNeverThrowAnythingButSqlException() {
        Random r = new Random(Long.getLong("lightning.seed", 11));
        String alphabet = "jdbc:lightning:mem?&=%/\\.\u0000 aZ9";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder(r.nextBoolean() ? "jdbc:lightning:" : "");
            int n = r.nextInt(20);
            for (int k = 0; k < n; k++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            try {
                JdbcUrl.parse(sb.toString(), null).config();
            } catch (SQLException expected) {
                // the only acceptable failure
            }
        }
    }
}
