package dev.lightningdb.bench.kv;

import java.util.List;

/**
 * The key/value workloads, each one {@link KvBench} method. The runner walks this list; the
 * benchmark looks itself up here by method name to know how to open the engine.
 */
public enum KvWorkload {
    BULK_LOAD("bulkLoad", "bulk load, sorted keys (per key, batches of 1000)", List.of(1)),
    RANDOM_PUT("randomPut", "random put (overwrite)", List.of(1)),
    GET_HOT("getHot", "random get, hot (all data in cache)", List.of(1)),
    GET_HOT_WITH_WRITER("getHotWithWriter", "random get, hot, while another thread overwrites random keys non-stop", List.of(1)),
    GET_COLD("getCold", "random get, cold (cache = 10% of data)", List.of(1)),
    SCAN_100("scan100", "range scan of 100 keys", List.of(1)),
    MIXED("mixed", "mixed 50% get / 50% put", List.of(1)),
    DURABLE_COMMIT("durableCommit", "durable commit (fsync per commit)", List.of(1, 8, 32));

    private final String method;
    private final String label;
    private final List<Integer> threads;

    KvWorkload(String method, String label, List<Integer> threads) {
        this.method = method;
        this.label = label;
        this.threads = threads;
    }

    /** The {@link KvBench} method that runs this workload. */
    public String method() {
        return method;
    }

    public String label() {
        return label;
    }

    /** Thread counts this workload runs with. */
    public List<Integer> threads() {
        return threads;
    }

    public boolean durable() {
        return this == DURABLE_COMMIT;
    }

    /**
     * Least warm-up, in milliseconds, whatever the mode. With a writer beside the reader, three busy
     * threads (reader, writer, the engine's background work) share two cores and the JIT compiler
     * gets what is left: after 3 s, compilations still ran at about 240 per second and LightningDB's
     * writer managed 70-130K puts/s against 385-550K after 8 s, so the row measured the JIT. The
     * hot-read row without a writer gets the same floor, since the two are read as a ratio.
     */
    public long minWarmupMillis() {
        return this == GET_HOT || this == GET_HOT_WITH_WRITER ? 8_000 : 0;
    }

    /** Cache size for this workload: 10% of the data when cold, twice the data otherwise. */
    public long cacheBytes(long dataBytes) {
        return this == GET_COLD ? Math.max(1L << 20, dataBytes / 10) : Math.max(64L << 20, dataBytes * 2);
    }

    /** The workload of a JMH benchmark name such as {@code dev.lightningdb.bench.kv.KvBench.getHot}. */
    public static KvWorkload ofBenchmark(String benchmark) {
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        for (KvWorkload w : values()) {
            if (w.method.equals(method)) {
                return w;
            }
        }
        throw new IllegalArgumentException("no key/value workload for benchmark " + benchmark);
    }
}
