package dev.lightningdb.engine.common;

import dev.lightningdb.engine.LightningDb;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every knob of the engine, immutable. Build one with {@link #builder()}; set knobs by method or
 * by name ({@link Builder#set(String, String)}, which the JDBC driver uses for URL parameters).
 * Each setter validates its value and throws {@link IllegalArgumentException} naming the knob.
 * {@link #asMap()} lists every knob by name with its current value.
 */
public final class LightningDbConfig {
    public static final int MIN_PAGE_SIZE = 4 * 1024;
    public static final int MAX_PAGE_SIZE = 64 * 1024;

    private final int pageSize;
    private final long cacheSize;
    private final WalSyncMode walSyncMode;
    private final Duration walFlushInterval;
    private final Duration groupCommitMaxDelay;
    private final long walSegmentSize;
    private final String walArchiveDirectory;
    private final Duration checkpointInterval;
    private final long checkpointWalSize;
    private final long writeBufferSize;
    private final int backgroundNice;
    private final boolean verifyChecksumsOnRead;
    private final int maxKeySize;
    private final long maxValueSize;
    private final int maxActiveTransactions;
    private final IsolationLevel defaultIsolation;
    private final int transactionRetryLimit;
    private final Duration retryBackoffInitial;
    private final Duration retryBackoffMax;
    private final Duration lockTimeout;
    private final boolean readOnly;
    private final boolean createIfMissing;
    private final boolean strictMode;

    private LightningDbConfig(Builder b) {
        pageSize = b.pageSize;
        cacheSize = b.cacheSize;
        walSyncMode = b.walSyncMode;
        walFlushInterval = b.walFlushInterval;
        groupCommitMaxDelay = b.groupCommitMaxDelay;
        walSegmentSize = b.walSegmentSize;
        walArchiveDirectory = b.walArchiveDirectory;
        checkpointInterval = b.checkpointInterval;
        checkpointWalSize = b.checkpointWalSize;
        writeBufferSize = b.writeBufferSize;
        backgroundNice = b.backgroundNice;
        verifyChecksumsOnRead = b.verifyChecksumsOnRead;
        maxKeySize = b.maxKeySize;
        maxValueSize = b.maxValueSize;
        maxActiveTransactions = b.maxActiveTransactions;
        defaultIsolation = b.defaultIsolation;
        transactionRetryLimit = b.transactionRetryLimit;
        retryBackoffInitial = b.retryBackoffInitial;
        retryBackoffMax = b.retryBackoffMax;
        lockTimeout = b.lockTimeout;
        readOnly = b.readOnly;
        createIfMissing = b.createIfMissing;
        strictMode = b.strictMode;
    }

    public static LightningDbConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        asMap().forEach((name, value) -> b.set(name, value));
        return b;
    }

    /** Bytes per page on disk: a power of two from 4 KiB to 64 KiB (default 8 KiB). */
    public int pageSize() { return pageSize; }

    /** Upper bound of the page cache in bytes (default 64 MiB). */
    public long cacheSize() { return cacheSize; }

    public WalSyncMode walSyncMode() { return walSyncMode; }

    /** How often the background flusher forces the WAL under {@link WalSyncMode#ASYNC}. */
    public Duration walFlushInterval() { return walFlushInterval; }

    /** How long a group-commit leader may wait for more committers before forcing. */
    public Duration groupCommitMaxDelay() { return groupCommitMaxDelay; }

    /** Size of one WAL segment file. */
    public long walSegmentSize() { return walSegmentSize; }

    /**
     * Where WAL segments go once a checkpoint covers them, for point-in-time restore: a directory
     * (relative paths are resolved against the database directory), or empty to delete them.
     */
    public String walArchiveDirectory() { return walArchiveDirectory; }

    /** Time between automatic checkpoints; zero disables the timer. */
    public Duration checkpointInterval() { return checkpointInterval; }

    /** WAL bytes since the last checkpoint that trigger a new one. */
    public long checkpointWalSize() { return checkpointWalSize; }

    /**
     * Bytes of recent commits held in the in-memory write buffer before they are merged into the
     * B+Tree in the background (the buffer is also merged by every checkpoint).
     */
    public long writeBufferSize() { return writeBufferSize; }

    /** Nice value of the merger thread (0: the JVM's default priority); see {@link Builder#backgroundNice}. */
    public int backgroundNice() { return backgroundNice; }

    public boolean verifyChecksumsOnRead() { return verifyChecksumsOnRead; }

    /** Longest key accepted, in bytes. */
    public int maxKeySize() { return maxKeySize; }

    /** Longest value accepted, in bytes. */
    public long maxValueSize() { return maxValueSize; }

    public int maxActiveTransactions() { return maxActiveTransactions; }

    public IsolationLevel defaultIsolation() { return defaultIsolation; }

    /** Attempts {@link LightningDb#inTransaction} makes before giving up on conflicts. */
    public int transactionRetryLimit() { return transactionRetryLimit; }

    public Duration retryBackoffInitial() { return retryBackoffInitial; }

    public Duration retryBackoffMax() { return retryBackoffMax; }

    /** How long a transaction waits for another's key lock before failing with {@link ErrorCode#LOCK_NOT_AVAILABLE}. */
    public Duration lockTimeout() { return lockTimeout; }

    public boolean readOnly() { return readOnly; }

    public boolean createIfMissing() { return createIfMissing; }

    /** Run the structural check after every commit (slow; for tests). */
    public boolean strictMode() { return strictMode; }

    /** Every knob by name, with its value in the form {@link Builder#set} accepts. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("pageSize", Integer.toString(pageSize));
        m.put("cacheSize", Long.toString(cacheSize));
        m.put("walSyncMode", walSyncMode.name());
        m.put("walFlushInterval", walFlushInterval.toMillis() + "ms");
        m.put("groupCommitMaxDelay", groupCommitMaxDelay.toNanos() / 1000 + "us");
        m.put("walSegmentSize", Long.toString(walSegmentSize));
        m.put("walArchiveDirectory", walArchiveDirectory);
        m.put("checkpointInterval", checkpointInterval.toMillis() + "ms");
        m.put("checkpointWalSize", Long.toString(checkpointWalSize));
        m.put("writeBufferSize", Long.toString(writeBufferSize));
        m.put("backgroundNice", Integer.toString(backgroundNice));
        m.put("verifyChecksumsOnRead", Boolean.toString(verifyChecksumsOnRead));
        m.put("maxKeySize", Integer.toString(maxKeySize));
        m.put("maxValueSize", Long.toString(maxValueSize));
        m.put("maxActiveTransactions", Integer.toString(maxActiveTransactions));
        m.put("defaultIsolation", defaultIsolation.name());
        m.put("transactionRetryLimit", Integer.toString(transactionRetryLimit));
        m.put("retryBackoffInitial", retryBackoffInitial.toNanos() / 1000 + "us");
        m.put("retryBackoffMax", retryBackoffMax.toMillis() + "ms");
        m.put("lockTimeout", lockTimeout.toMillis() + "ms");
        m.put("readOnly", Boolean.toString(readOnly));
        m.put("createIfMissing", Boolean.toString(createIfMissing));
        m.put("strictMode", Boolean.toString(strictMode));
        return m;
    }

    @Override
    public String toString() {
        return "LightningDbConfig" + asMap();
    }

    /** Collects knob values; {@link #build()} checks the ones that depend on each other. */
    public static final class Builder {
        private int pageSize = 8 * 1024;
        private long cacheSize = 64L << 20;
        private WalSyncMode walSyncMode = WalSyncMode.ASYNC;
        private Duration walFlushInterval = Duration.ofMillis(50);
        private Duration groupCommitMaxDelay = Duration.ZERO;
        private long walSegmentSize = 64L << 20;
        private String walArchiveDirectory = "";
        private Duration checkpointInterval = Duration.ofSeconds(60);
        private long checkpointWalSize = 256L << 20;
        private long writeBufferSize = 32L << 20;
        private int backgroundNice = 19;
        private boolean verifyChecksumsOnRead = true;
        private int maxKeySize = 1024;
        private long maxValueSize = 1L << 32;
        private int maxActiveTransactions = 10_000;
        private IsolationLevel defaultIsolation = IsolationLevel.READ_COMMITTED;
        private int transactionRetryLimit = 10;
        private Duration retryBackoffInitial = Duration.ofMillis(1);
        private Duration retryBackoffMax = Duration.ofMillis(100);
        private Duration lockTimeout = Duration.ofSeconds(10);
        private boolean readOnly = false;
        private boolean createIfMissing = true;
        private boolean strictMode = false;

        private Builder() {
        }

        public Builder pageSize(int bytes) {
            if (bytes < MIN_PAGE_SIZE || bytes > MAX_PAGE_SIZE || Integer.bitCount(bytes) != 1) {
                throw bad("pageSize", bytes, "a power of two from " + MIN_PAGE_SIZE + " to " + MAX_PAGE_SIZE);
            }
            pageSize = bytes;
            return this;
        }

        public Builder cacheSize(long bytes) {
            if (bytes < 256 * 1024) {
                throw bad("cacheSize", bytes, "at least 256 KiB");
            }
            cacheSize = bytes;
            return this;
        }

        public Builder walSyncMode(WalSyncMode mode) {
            walSyncMode = notNull("walSyncMode", mode);
            return this;
        }

        public Builder walFlushInterval(Duration d) {
            walFlushInterval = between("walFlushInterval", d, Duration.ofMillis(1), Duration.ofMinutes(1));
            return this;
        }

        public Builder groupCommitMaxDelay(Duration d) {
            groupCommitMaxDelay = between("groupCommitMaxDelay", d, Duration.ZERO, Duration.ofSeconds(1));
            return this;
        }

        public Builder walSegmentSize(long bytes) {
            if (bytes < (1L << 20) || bytes > (1L << 30)) {
                throw bad("walSegmentSize", bytes, "from 1 MiB to 1 GiB");
            }
            walSegmentSize = bytes;
            return this;
        }

        public Builder walArchiveDirectory(String directory) {
            walArchiveDirectory = notNull("walArchiveDirectory", directory).trim();
            return this;
        }

        public Builder checkpointInterval(Duration d) {
            checkpointInterval = between("checkpointInterval", d, Duration.ZERO, Duration.ofDays(1));
            return this;
        }

        public Builder checkpointWalSize(long bytes) {
            if (bytes < (1L << 20)) {
                throw bad("checkpointWalSize", bytes, "at least 1 MiB");
            }
            checkpointWalSize = bytes;
            return this;
        }

        public Builder writeBufferSize(long bytes) {
            if (bytes < (64L << 10) || bytes > (1L << 32)) {
                throw bad("writeBufferSize", bytes, "from 64 KiB to 4 GiB");
            }
            writeBufferSize = bytes;
            return this;
        }

        /**
         * The nice value (1-19) the merger thread gives itself on Linux, so that merging the write
         * buffer yields the CPU to the application's threads when cores are scarce and writers,
         * not readers, wait for it (back-pressure); 0 leaves it at the JVM's priority. Default 19. Best
         * effort: elsewhere, or where the system's {@code renice} is missing, it changes nothing.
         */
        public Builder backgroundNice(int nice) {
            if (nice < 0 || nice > 19) {
                throw bad("backgroundNice", nice, "from 0 (unchanged) to 19");
            }
            backgroundNice = nice;
            return this;
        }

        public Builder verifyChecksumsOnRead(boolean on) {
            verifyChecksumsOnRead = on;
            return this;
        }

        public Builder maxKeySize(int bytes) {
            if (bytes < 16 || bytes > 16 * 1024) {
                throw bad("maxKeySize", bytes, "from 16 to 16384 bytes");
            }
            maxKeySize = bytes;
            return this;
        }

        public Builder maxValueSize(long bytes) {
            if (bytes < 1 || bytes > (1L << 32)) {
                throw bad("maxValueSize", bytes, "from 1 byte to 4 GiB");
            }
            maxValueSize = bytes;
            return this;
        }

        public Builder maxActiveTransactions(int n) {
            if (n < 1) {
                throw bad("maxActiveTransactions", n, "at least 1");
            }
            maxActiveTransactions = n;
            return this;
        }

        public Builder defaultIsolation(IsolationLevel level) {
            defaultIsolation = notNull("defaultIsolation", level);
            return this;
        }

        public Builder transactionRetryLimit(int attempts) {
            if (attempts < 1 || attempts > 1000) {
                throw bad("transactionRetryLimit", attempts, "from 1 to 1000 attempts");
            }
            transactionRetryLimit = attempts;
            return this;
        }

        public Builder retryBackoffInitial(Duration d) {
            retryBackoffInitial = between("retryBackoffInitial", d, Duration.ZERO, Duration.ofSeconds(10));
            return this;
        }

        public Builder retryBackoffMax(Duration d) {
            retryBackoffMax = between("retryBackoffMax", d, Duration.ZERO, Duration.ofMinutes(1));
            return this;
        }

        /** Zero fails at once when a lock is held by another transaction (as NOWAIT). */
        public Builder lockTimeout(Duration d) {
            lockTimeout = between("lockTimeout", d, Duration.ZERO, Duration.ofDays(1));
            return this;
        }

        public Builder readOnly(boolean on) {
            readOnly = on;
            return this;
        }

        public Builder createIfMissing(boolean on) {
            createIfMissing = on;
            return this;
        }

        public Builder strictMode(boolean on) {
            strictMode = on;
            return this;
        }

        /**
         * Sets a knob by its name (as in {@link LightningDbConfig#asMap()}), parsing the text.
         * Sizes accept a unit ({@code 64MB}, {@code 8KiB}); durations too ({@code 100ms}, {@code 5s}).
         *
         * @throws IllegalArgumentException for an unknown knob or a value it does not accept
         */
        public Builder set(String name, String value) {
            if (name == null || value == null) {
                throw new IllegalArgumentException("configuration knob name and value must not be null");
            }
            ConfigValues v = new ConfigValues(name, value.trim());
            switch (name) {
                case "pageSize" -> pageSize(v.intSize());
                case "cacheSize" -> cacheSize(v.size());
                case "walSyncMode" -> walSyncMode(v.enumValue(WalSyncMode.class));
                case "walFlushInterval" -> walFlushInterval(v.duration());
                case "groupCommitMaxDelay" -> groupCommitMaxDelay(v.duration());
                case "walSegmentSize" -> walSegmentSize(v.size());
                case "walArchiveDirectory" -> walArchiveDirectory(value);
                case "checkpointInterval" -> checkpointInterval(v.duration());
                case "checkpointWalSize" -> checkpointWalSize(v.size());
                case "writeBufferSize" -> writeBufferSize(v.size());
                case "backgroundNice" -> backgroundNice(v.integer());
                case "verifyChecksumsOnRead" -> verifyChecksumsOnRead(v.bool());
                case "maxKeySize" -> maxKeySize(v.intSize());
                case "maxValueSize" -> maxValueSize(v.size());
                case "maxActiveTransactions" -> maxActiveTransactions(v.integer());
                case "defaultIsolation" -> defaultIsolation(v.enumValue(IsolationLevel.class));
                case "transactionRetryLimit" -> transactionRetryLimit(v.integer());
                case "retryBackoffInitial" -> retryBackoffInitial(v.duration());
                case "retryBackoffMax" -> retryBackoffMax(v.duration());
                case "lockTimeout" -> lockTimeout(v.duration());
                case "readOnly" -> readOnly(v.bool());
                case "createIfMissing" -> createIfMissing(v.bool());
                case "strictMode" -> strictMode(v.bool());
                default -> throw new IllegalArgumentException("unknown configuration knob '" + name
                        + "'; known knobs: " + String.join(", ", defaults().asMap().keySet()));
            }
            return this;
        }

        /** Whether {@code name} is a knob {@link #set} understands. */
        public static boolean isKnob(String name) {
            return defaults().asMap().containsKey(name);
        }

        public LightningDbConfig build() {
            if (maxKeySize > pageSize / 4) {
                throw new IllegalArgumentException("maxKeySize (" + maxKeySize + ") must be at most a quarter of pageSize ("
                        + pageSize + ") so that every node holds at least four keys");
            }
            if (cacheSize < 16L * pageSize) {
                throw new IllegalArgumentException("cacheSize (" + cacheSize + ") must hold at least 16 pages of pageSize ("
                        + pageSize + ")");
            }
            if (retryBackoffMax.compareTo(retryBackoffInitial) < 0) {
                throw new IllegalArgumentException("retryBackoffMax (" + retryBackoffMax
                        + ") must not be below retryBackoffInitial (" + retryBackoffInitial + ")");
            }
            return new LightningDbConfig(this);
        }

        private static IllegalArgumentException bad(String knob, Object value, String expected) {
            return new IllegalArgumentException(knob + " must be " + expected + ", got " + value);
        }

        private static <T> T notNull(String knob, T value) {
            if (value == null) {
                throw new IllegalArgumentException(knob + " must not be null");
            }
            return value;
        }

        private static Duration between(String knob, Duration d, Duration min, Duration max) {
            notNull(knob, d);
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                throw bad(knob, d, "from " + min + " to " + max);
            }
            return d;
        }
    }
}
