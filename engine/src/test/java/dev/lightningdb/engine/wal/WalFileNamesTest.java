package dev.lightningdb.engine.wal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Segment names do not depend on the JVM's default locale, so a database moves between machines unchanged. */
class WalFileNamesTest {
    @Test
    void segmentNamesUseAsciiDigitsInEveryLocale() {
        Locale before = Locale.getDefault();
        try {
            for (String tag : new String[] {"fa-IR", "ar-EG", "tr-TR", "hi-IN-u-nu-deva"}) {
                Locale.setDefault(Locale.forLanguageTag(tag));
                String name = WalFiles.path(Path.of("db"), 42).getFileName().toString();
                assertThat(name).as(tag).matches("[\\x20-\\x7E]+").contains("00000000000000000042");
            }
        } finally {
            Locale.setDefault(before);
        }
    }
}
