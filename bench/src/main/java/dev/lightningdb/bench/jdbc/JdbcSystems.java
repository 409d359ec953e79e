package dev.lightningdb.bench.jdbc;

import java.util.ArrayList;
import java.util.List;

/** Every driver at its default durability, then every driver at "synchronous commit". */
public final class JdbcSystems {
    private JdbcSystems() {
    }

    public static List<JdbcSystem> all() {
        List<JdbcSystem> all = new ArrayList<>();
        for (boolean sync : new boolean[] {false, true}) {
            all.add(new LightningJdbc(sync));
            all.add(new H2Jdbc(sync));
            all.add(new SqliteJdbc(sync));
            all.add(new HsqldbJdbc(sync));
            all.add(new DerbyJdbc(sync));
        }
        return all;
    }

    public static JdbcSystem byId(String id) {
        for (JdbcSystem s : all()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown JDBC system '" + id + "'");
    }
}
