package dev.lightningdb.sql.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckColumnsTest {
    @Test
    void findsReferencesButNotLiteralsFunctionsOrLongerNames() {
        assertThat(CheckColumns.mentions("v >= 0", "V")).isTrue();
        assertThat(CheckColumns.mentions("\"v\" >= 0", "v")).isTrue();
        assertThat(CheckColumns.mentions("\"v\" >= 0", "V")).isFalse();
        assertThat(CheckColumns.mentions("note <> 'v'", "V")).isFalse();
        assertThat(CheckColumns.mentions("vv > 1 AND v_2 > 1", "V")).isFalse();
        assertThat(CheckColumns.mentions("ABS(x) > 1", "ABS")).isFalse();
        assertThat(CheckColumns.mentions("t.v > 1", "V")).isTrue();
    }

    @Test
    void renamesEveryReferenceAndLeavesTheRestAsWritten() {
        assertThat(CheckColumns.rename("v >= 0 AND LENGTH(name) < v + 'v'", "V", "W")).isEqualTo("\"W\" >= 0 AND LENGTH(name) < \"W\" + 'v'");
        assertThat(CheckColumns.rename("\"a \"\"b\"\"\" > 1", "a \"b\"", "c")).isEqualTo("\"c\" > 1");
        assertThat(CheckColumns.rename("x > 1", "V", "W")).isEqualTo("x > 1");
    }
}
