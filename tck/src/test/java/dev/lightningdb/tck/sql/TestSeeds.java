package dev.lightningdb.tck.sql;

/**
 * Seeds and sizes of the randomized SQL tests. Every test prints its seed; {@code -Dlightning.seed=N}
 * replays it. The default run uses a fixed seed (a green build stays green); the stress profile
 * ({@code -Dlightning.stress=true}) draws a fresh one unless a seed is given. Sizes can be overridden
 * with {@code -Dlightning.<name>=N}.
 */
final class TestSeeds {
    static final long DEFAULT_SEED = 20261125L;

    private TestSeeds() {
    }

    static boolean stress() {
        return Boolean.getBoolean("lightning.stress");
    }

    /** The seed of {@code test}, printed so that a failure can be replayed. */
    static long seed(String test) {
        String given = System.getProperty("lightning.seed");
        long seed;
        if (given != null && !given.isBlank()) {
            seed = Long.parseLong(given.trim());
        } else if (stress()) {
            seed = System.nanoTime() ^ System.currentTimeMillis() * 6364136223846793005L;
        } else {
            seed = DEFAULT_SEED;
        }
        System.out.println(test + ": seed " + seed + " (replay with -Dlightning.seed=" + seed + ")");
        return seed;
    }

    /** A size knob: {@code -Dlightning.<name>} if given, else the default of this run. */
    static int size(String name, int normal, int stress) {
        return Integer.getInteger("lightning." + name, stress() ? stress : normal);
    }

    /** A seed derived from a parent seed and indexes, so that one case can be regenerated alone. */
    static long derive(long seed, long... indexes) {
        long h = seed;
        for (long i : indexes) {
            h = mix(h ^ mix(i + 0x9E3779B97F4A7C15L));
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
