package dev.lightningdb.sql.catalog;

import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.codec.ByteReader;
import dev.lightningdb.sql.codec.ByteWriter;
import dev.lightningdb.sql.codec.MalformedDataException;
import dev.lightningdb.sql.types.ColumnType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of a {@link TableDef}.
 *
 * <table>
 *   <caption>Table definition</caption>
 *   <tr><td>format version</td><td>1 byte = 1</td></tr>
 *   <tr><td>table id</td><td>varint</td></tr>
 *   <tr><td>schema, name</td><td>varint length + UTF-8 each</td></tr>
 *   <tr><td>column count</td><td>varint, then per column: name, type name (text), precision+1 (varint),
 *       scale (varint), flags (bit 0 nullable, bit 1 has default), default SQL text if flagged</td></tr>
 *   <tr><td>primary key</td><td>varint count, then column positions (varint)</td></tr>
 * </table>
 */
public final class CatalogCodec {
    private static final int VERSION = 1;

    private CatalogCodec() {
    }

    public static byte[] encode(TableDef t) {
        ByteWriter w = new ByteWriter(128).write(VERSION).writeVarLong(t.id());
        text(w, t.name().schema());
        text(w, t.name().name());
        w.writeVarLong(t.columns().size());
        for (ColumnDef c : t.columns()) {
            text(w, c.name());
            text(w, c.type().kind().name());
            w.writeVarLong(c.type().precision() + 1L).writeVarLong(c.type().scale());
            w.write((c.nullable() ? 1 : 0) | (c.defaultSql() != null ? 2 : 0));
            if (c.defaultSql() != null) {
                text(w, c.defaultSql());
            }
        }
        w.writeVarLong(t.primaryKey().length);
        for (int k : t.primaryKey()) {
            w.writeVarLong(k);
        }
        return w.toByteArray();
    }

    /** @throws MalformedDataException when the bytes are not a table definition of this format */
    public static TableDef decode(byte[] bytes) {
        ByteReader r = new ByteReader(bytes);
        int version = r.read();
        if (version != VERSION) {
            throw new MalformedDataException("unknown table definition format " + version);
        }
        int id = smallInt(r.readVarLong(), Integer.MAX_VALUE, "table id");
        QualifiedName name = new QualifiedName(text(r), text(r));
        int n = smallInt(r.readVarLong(), 1 << 16, "column count");
        List<ColumnDef> columns = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String cname = text(r);
            ColumnType.Kind kind;
            try {
                kind = ColumnType.Kind.valueOf(text(r));
            } catch (IllegalArgumentException e) {
                throw new MalformedDataException("unknown column type in column " + cname);
            }
            int precision = smallInt(r.readVarLong(), Integer.MAX_VALUE, "precision") - 1;
            int scale = smallInt(r.readVarLong(), ColumnType.MAX_DECIMAL_PRECISION, "scale");
            int flags = r.read();
            String defaultSql = (flags & 2) != 0 ? text(r) : null;
            columns.add(new ColumnDef(cname, new ColumnType(kind, precision, scale), (flags & 1) != 0, defaultSql));
        }
        int k = smallInt(r.readVarLong(), n, "primary key length");
        int[] pk = new int[k];
        for (int i = 0; i < k; i++) {
            pk[i] = smallInt(r.readVarLong(), n - 1, "primary key column");
        }
        if (k == 0) {
            throw new MalformedDataException("table " + name + " has no primary key");
        }
        return new TableDef(id, name, columns, pk);
    }

    private static int smallInt(long v, int max, String what) {
        if (v < 0 || v > max) {
            throw new MalformedDataException(what + " " + v + " out of range 0.." + max);
        }
        return (int) v;
    }

    private static void text(ByteWriter w, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        w.writeVarLong(b.length).write(b);
    }

    private static String text(ByteReader r) {
        return new String(r.read(r.readLength()), StandardCharsets.UTF_8);
    }
}
