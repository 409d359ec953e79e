package dev.lightningdb.engine.common;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses one knob's text value (sizes with units, durations, booleans, enums) with clear errors. */
final class ConfigValues {
    private static final Pattern NUMBER_UNIT = Pattern.compile("(\\d+)\\s*([a-zA-Z]*)");

    private final String knob;
    private final String text;

    ConfigValues(String knob, String text) {
        this.knob = knob;
        this.text = text;
    }

    long size() {
        Matcher m = match("a size such as 65536, 64KB, 64MiB or 1GB");
        long unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "b" -> 1L;
            case "k", "kb", "kib" -> 1L << 10;
            case "m", "mb", "mib" -> 1L << 20;
            case "g", "gb", "gib" -> 1L << 30;
            default -> throw bad("a size unit of B, KB, MB or GB");
        };
        return Math.multiplyExact(number(m), unit);
    }

    int intSize() {
        long v = size();
        if (v > Integer.MAX_VALUE) {
            throw bad("at most " + Integer.MAX_VALUE + " bytes");
        }
        return (int) v;
    }

    int integer() {
        Matcher m = match("a whole number");
        if (!m.group(2).isEmpty()) {
            throw bad("a whole number without a unit");
        }
        long v = number(m);
        if (v > Integer.MAX_VALUE) {
            throw bad("at most " + Integer.MAX_VALUE);
        }
        return (int) v;
    }

    Duration duration() {
        Matcher m = match("a duration such as 500us, 100ms, 5s, 2m or 1h (a bare number is milliseconds)");
        long n = number(m);
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "us" -> Duration.ofNanos(Math.multiplyExact(n, 1000L));
            case "", "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m", "min" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> throw bad("a duration unit of us, ms, s, m or h");
        };
    }

    boolean bool() {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1" -> true;
            case "false", "off", "no", "0" -> false;
            default -> throw bad("true or false");
        };
    }

    <E extends Enum<E>> E enumValue(Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text)) {
                return e;
            }
        }
        StringBuilder names = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            names.append(names.length() == 0 ? "" : ", ").append(e.name());
        }
        throw bad("one of " + names);
    }

    private Matcher match(String expected) {
        Matcher m = NUMBER_UNIT.matcher(text);
        if (!m.matches()) {
            throw bad(expected);
        }
        return m;
    }

    private long number(Matcher m) {
        try {
            return Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw bad("a number that fits in 64 bits");
        }
    }

    private IllegalArgumentException bad(String expected) {
        return new IllegalArgumentException(knob + " must be " + expected + ", got '" + text + "'");
    }
}
