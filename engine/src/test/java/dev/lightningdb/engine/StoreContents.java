package dev.lightningdb.engine;

import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.KeyRange;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** The whole content of a database as a sorted map, for comparing it with a model in fault tests. */
final class StoreContents {
    private StoreContents() {
    }

    static TreeMap<byte[], byte[]> of(LightningDb db) {
        TreeMap<byte[], byte[]> m = new TreeMap<>(Arrays::compareUnsigned);
        try (Cursor c = db.scan(KeyRange.all())) {
            while (c.next()) {
                m.put(c.key(), c.value());
            }
        }
        return m;
    }

    /** Applies a committed write set (a null value is a delete) to the model. */
    static void apply(Map<byte[], byte[]> writes, TreeMap<byte[], byte[]> model) {
        for (Map.Entry<byte[], byte[]> e : writes.entrySet()) {
            if (e.getValue() == null) {
                model.remove(e.getKey());
            } else {
                model.put(e.getKey(), e.getValue());
            }
        }
    }

    static boolean equal(TreeMap<byte[], byte[]> a, TreeMap<byte[], byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        var ia = a.entrySet().iterator();
        var ib = b.entrySet().iterator();
        while (ia.hasNext()) {
            var x = ia.next();
            var y = ib.next();
            if (!Arrays.equals(x.getKey(), y.getKey()) || !Arrays.equals(x.getValue(), y.getValue())) {
                return false;
            }
        }
        return true;
    }
}
