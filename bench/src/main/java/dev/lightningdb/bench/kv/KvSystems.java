package dev.lightningdb.bench.kv;

import java.util.List;
import java.util.function.Supplier;

/** Every key/value system the harness knows, LightningDB first. */
public final class KvSystems {
    private static final List<Supplier<KvSystem>> ALL = List.of(
            LightningKv::new, RocksDbKv::new, LmdbKv::new, MvStoreKv::new, SqliteKv::new);

    private KvSystems() {
    }

    /** Fresh, unopened adapters of every system. */
    public static List<KvSystem> all() {
        return ALL.stream().map(Supplier::get).toList();
    }

    /** A fresh, unopened adapter for {@code id}. */
    public static KvSystem byId(String id) {
        for (Supplier<KvSystem> s : ALL) {
            KvSystem k = s.get();
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown key/value system '" + id + "'");
    }
}
