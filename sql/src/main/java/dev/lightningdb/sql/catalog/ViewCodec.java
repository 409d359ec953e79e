package dev.lightningdb.sql.catalog;

import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.codec.ByteReader;
import dev.lightningdb.sql.codec.ByteWriter;
import dev.lightningdb.sql.codec.MalformedDataException;
import dev.lightningdb.sql.result.ColumnType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stored form of a {@link ViewDef}, under its own catalog keys ({@link CatalogKeys#view}), so a
 * database written before views existed opens unchanged:
 * format version (1 byte = 1), schema, name, query text, resolution schema (texts: varint length +
 * UTF-8); column count, then per column name, type name, precision+1, scale; table count, then per
 * table schema, name and the used column names; view count, then per view schema and name.
 */
public final class ViewCodec {
    private static final int VERSION = 1;
    private static final int MAX_COUNT = 1 << 16;

    private ViewCodec() {
    }

    public static byte[] encode(ViewDef v) {
        ByteWriter w = new ByteWriter(256).write(VERSION);
        name(w, v.name());
        text(w, v.sql());
        text(w, v.schema());
        w.writeVarLong(v.columns().size());
        for (ColumnDef c : v.columns()) {
            text(w, c.name());
            text(w, c.type().kind().name());
            w.writeVarLong(c.type().precision() + 1L).writeVarLong(c.type().scale());
        }
        w.writeVarLong(v.tables().size());
        for (Map.Entry<QualifiedName, Set<String>> e : v.tables().entrySet()) {
            name(w, e.getKey());
            w.writeVarLong(e.getValue().size());
            for (String c : new TreeSet<>(e.getValue())) {
                text(w, c);
            }
        }
        w.writeVarLong(v.views().size());
        for (QualifiedName n : v.views()) {
            name(w, n);
        }
        return w.toByteArray();
    }

    /** @throws MalformedDataException when the bytes are not a view of this format */
    public static ViewDef decode(byte[] bytes) {
        ByteReader r = new ByteReader(bytes);
        if (r.read() != VERSION) {
            throw new MalformedDataException("unknown view definition format");
        }
        QualifiedName name = name(r);
        String sql = text(r);
        String schema = text(r);
        int n = count(r);
        List<ColumnDef> columns = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String column = text(r);
            ColumnType.Kind kind;
            try {
                kind = ColumnType.Kind.valueOf(text(r));
            } catch (IllegalArgumentException e) {
                throw new MalformedDataException("unknown column type in column " + column + " of view " + name);
            }
            int precision = (int) Math.min(Integer.MAX_VALUE, r.readVarLong()) - 1;
            int scale = (int) Math.min(ColumnType.MAX_DECIMAL_PRECISION, r.readVarLong());
            columns.add(new ColumnDef(column, new ColumnType(kind, precision, scale), true, null));
        }
        int t = count(r);
        Map<QualifiedName, Set<String>> tables = new HashMap<>();
        for (int i = 0; i < t; i++) {
            QualifiedName table = name(r);
            int c = count(r);
            Set<String> used = new HashSet<>();
            for (int j = 0; j < c; j++) {
                used.add(text(r));
            }
            tables.put(table, used);
        }
        int v = count(r);
        Set<QualifiedName> views = new HashSet<>();
        for (int i = 0; i < v; i++) {
            views.add(name(r));
        }
        return new ViewDef(name, sql, schema, columns, tables, views);
    }

    private static int count(ByteReader r) {
        long n = r.readVarLong();
        if (n < 0 || n > MAX_COUNT) {
            throw new MalformedDataException("count " + n + " out of range in a view definition");
        }
        return (int) n;
    }

    private static void name(ByteWriter w, QualifiedName n) {
        text(w, n.schema());
        text(w, n.name());
    }

    private static QualifiedName name(ByteReader r) {
        return new QualifiedName(text(r), text(r));
    }

    private static void text(ByteWriter w, String s) {
        CatalogCodec.text(w, s);
    }

    private static String text(ByteReader r) {
        return CatalogCodec.text(r);
    }
}
