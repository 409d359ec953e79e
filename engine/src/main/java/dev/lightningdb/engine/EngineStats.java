package dev.lightningdb.engine;

import java.util.Map;

/**
 * A point-in-time copy of the engine's counters, by name. Names are stable; new counters are
 * added over time. {@link #get(String)} answers 0 for a counter this store does not keep.
 */
public record EngineStats(Map<String, Long> counters) {
    public EngineStats {
        counters = Map.copyOf(counters);
    }

    public long get(String name) {
        return counters.getOrDefault(name, 0L);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        counters.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(e.getKey()).append('=').append(e.getValue()).append('\n'));
        return sb.toString();
    }
}
