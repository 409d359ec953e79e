package dev.lightningdb.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What loading one system's data set cost, measured in that system's own JVM by {@link FixtureMain}:
 * time, bytes written to storage, bytes left on disk, peak heap and peak RSS. Crosses the process
 * boundary as one line of {@code key=value} pairs.
 */
public record Footprint(long entries, long logicalBytes, long loadNanos, long writeBytes, long diskBytes,
                        long peakHeap, long peakRss) {
    private static final String PREFIX = "FOOTPRINT ";

    /** Bytes written to storage per logical byte loaded; negative when /proc was not readable. */
    public double writeAmplification() {
        return writeBytes < 0 ? -1 : (double) writeBytes / logicalBytes;
    }

    public double entriesPerSec() {
        return entries * 1e9 / loadNanos;
    }

    public String toLine() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("entries", entries);
        m.put("logicalBytes", logicalBytes);
        m.put("loadNanos", loadNanos);
        m.put("writeBytes", writeBytes);
        m.put("diskBytes", diskBytes);
        m.put("peakHeap", peakHeap);
        m.put("peakRss", peakRss);
        StringBuilder sb = new StringBuilder(PREFIX);
        m.forEach((k, v) -> sb.append(k).append('=').append(v).append(' '));
        return sb.toString().trim();
    }

    /** Parses a line written by {@link #toLine()}; null if {@code line} is not one. */
    public static Footprint parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return null;
        }
        Map<String, Long> m = new LinkedHashMap<>();
        for (String kv : line.substring(PREFIX.length()).trim().split(" ")) {
            int eq = kv.indexOf('=');
            m.put(kv.substring(0, eq), Long.parseLong(kv.substring(eq + 1)));
        }
        return new Footprint(m.get("entries"), m.get("logicalBytes"), m.get("loadNanos"), m.get("writeBytes"),
                m.get("diskBytes"), m.get("peakHeap"), m.get("peakRss"));
    }
}
