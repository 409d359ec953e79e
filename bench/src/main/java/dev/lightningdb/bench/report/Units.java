package dev.lightningdb.bench.report;

import java.util.Locale;

/** Human-readable numbers for the tables: three significant digits and a unit. */
public final class Units {
    private Units() {
    }

    public static String opsPerSec(double v) {
        if (v >= 1e6) {
            return fmt(v / 1e6) + " M";
        }
        if (v >= 1e3) {
            return fmt(v / 1e3) + " k";
        }
        return fmt(v);
    }

    public static String nanos(double ns) {
        if (ns >= 1e9) {
            return fmt(ns / 1e9) + " s";
        }
        if (ns >= 1e6) {
            return fmt(ns / 1e6) + " ms";
        }
        if (ns >= 1e3) {
            return fmt(ns / 1e3) + " µs";
        }
        return fmt(ns) + " ns";
    }

    public static String bytes(double b) {
        if (b >= 1L << 30) {
            return fmt(b / (1L << 30)) + " GiB";
        }
        if (b >= 1L << 20) {
            return fmt(b / (1L << 20)) + " MiB";
        }
        if (b >= 1L << 10) {
            return fmt(b / (1L << 10)) + " KiB";
        }
        return String.format(Locale.ROOT, "%.0f B", b);
    }

    /** LightningDB's throughput divided by the peer's, e.g. {@code 1.52x}. */
    public static String ratio(double r) {
        return r >= 10 ? String.format(Locale.ROOT, "%.0fx", r) : String.format(Locale.ROOT, "%.2fx", r);
    }

    /** Three significant digits: 1.23, 12.3, 123. */
    static String fmt(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (v >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
