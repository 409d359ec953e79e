package dev.lightningdb.sql.catalog;

import dev.lightningdb.sql.ast.ConstraintSpec;
import dev.lightningdb.sql.ast.OnCommit;
import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.ast.Temporary;
import dev.lightningdb.sql.codec.ByteReader;
import dev.lightningdb.sql.codec.ByteWriter;
import dev.lightningdb.sql.codec.MalformedDataException;
import dev.lightningdb.sql.result.ColumnType;
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
 *   <tr><td>identity (v2)</td><td>varint column+1 (0 = none), zig-zag start, zig-zag increment</td></tr>
 *   <tr><td>indexes (v2)</td><td>varint count; each: id, name, flags (bit 0 unique, bit 1 constraint), column positions</td></tr>
 *   <tr><td>constraints (v2)</td><td>varint count; each: name, kind, columns, CHECK text or "", referenced schema, table
 *       ("" for none), referenced columns</td></tr>
 *   <tr><td>tagged sections (optional)</td><td>until the end, each a tag byte, varint length, payload; an unknown
 *       tag is skipped. {@code 'F'}: foreign key actions ({@link ConstraintActions}); {@code 'G'}: a GLOBAL
 *       TEMPORARY table, its ON COMMIT action's ordinal (1 byte). A definition written before a tag existed
 *       simply ends before it.</td></tr>
 * </table>
 * Version 1 (no identity, indexes or constraints) is still read. A sequence is: version, schema, name,
 * then start, increment, min, max (zig-zag) and a cycle flag.
 */
public final class CatalogCodec {
    private static final int VERSION = 2;
    /** The tagged section of a GLOBAL TEMPORARY table's ON COMMIT action. */
    private static final int TEMPORARY_TAG = 'G';

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
        TableDef.Identity id = t.identity();
        w.writeVarLong(id == null ? 0 : id.column() + 1L);
        if (id != null) {
            w.writeSignedVarLong(id.start()).writeSignedVarLong(id.increment());
        }
        w.writeVarLong(t.indexes().size());
        for (IndexDef i : t.indexes()) {
            w.writeVarLong(i.id());
            text(w, i.name());
            w.write((i.unique() ? 1 : 0) | (i.constraint() ? 2 : 0));
            positions(w, i.columns());
        }
        w.writeVarLong(t.constraints().size());
        for (ConstraintDef c : t.constraints()) {
            text(w, c.name());
            w.write(c.kind().ordinal());
            texts(w, c.columns());
            text(w, c.checkSql() == null ? "" : c.checkSql());
            text(w, c.references() == null ? "" : c.references().schema());
            text(w, c.references() == null ? "" : c.references().name());
            texts(w, c.referencedColumns());
        }
        ConstraintActions.write(w, t.constraints());
        if (t.temporary() != null) { // only a GLOBAL one is ever stored
            w.write(TEMPORARY_TAG).writeVarLong(1).write(t.temporary().onCommit().ordinal());
        }
        return w.toByteArray();
    }

    public static byte[] encode(SequenceDef s) {
        ByteWriter w = new ByteWriter(64).write(1);
        text(w, s.name().schema());
        text(w, s.name().name());
        w.writeSignedVarLong(s.start()).writeSignedVarLong(s.increment()).writeSignedVarLong(s.min()).writeSignedVarLong(s.max());
        return w.write(s.cycle() ? 1 : 0).toByteArray();
    }

    /** @throws MalformedDataException when the bytes are not a sequence of this format */
    public static SequenceDef decodeSequence(byte[] bytes) {
        ByteReader r = new ByteReader(bytes);
        if (r.read() != 1) {
            throw new MalformedDataException("unknown sequence format");
        }
        QualifiedName name = new QualifiedName(text(r), text(r));
        long start = r.readSignedVarLong();
        long increment = r.readSignedVarLong();
        long min = r.readSignedVarLong();
        long max = r.readSignedVarLong();
        boolean cycle = r.read() != 0;
        if (increment == 0 || min > max) {
            throw new MalformedDataException("sequence " + name + " has impossible bounds");
        }
        return new SequenceDef(name, start, increment, min, max, cycle);
    }

    private static void positions(ByteWriter w, int[] positions) {
        w.writeVarLong(positions.length);
        for (int p : positions) {
            w.writeVarLong(p);
        }
    }

    private static void texts(ByteWriter w, List<String> values) {
        w.writeVarLong(values.size());
        for (String v : values) {
            text(w, v);
        }
    }

    private static List<String> texts(ByteReader r) {
        int n = smallInt(r.readVarLong(), 1 << 16, "list length");
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(text(r));
        }
        return out;
    }

    /** @throws MalformedDataException when the bytes are not a table definition of this format */
    public static TableDef decode(byte[] bytes) {
        ByteReader r = new ByteReader(bytes);
        int version = r.read();
        if (version != 1 && version != VERSION) {
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
        if (version == 1) {
            return new TableDef(id, name, columns, pk);
        }
        TableDef.Identity identity = null;
        int identityColumn = smallInt(r.readVarLong(), n, "identity column") - 1;
        if (identityColumn >= 0) {
            identity = new TableDef.Identity(identityColumn, r.readSignedVarLong(), r.readSignedVarLong());
        }
        int indexCount = smallInt(r.readVarLong(), 1 << 16, "index count");
        List<IndexDef> indexes = new ArrayList<>(indexCount);
        for (int i = 0; i < indexCount; i++) {
            int indexId = smallInt(r.readVarLong(), Integer.MAX_VALUE, "index id");
            String indexName = text(r);
            int flags = r.read();
            int cols = smallInt(r.readVarLong(), n, "index width");
            int[] positions = new int[cols];
            for (int c = 0; c < cols; c++) {
                positions[c] = smallInt(r.readVarLong(), n - 1, "index column");
            }
            indexes.add(new IndexDef(indexId, indexName, (flags & 1) != 0, positions, (flags & 2) != 0));
        }
        int constraintCount = smallInt(r.readVarLong(), 1 << 16, "constraint count");
        List<ConstraintDef> constraints = new ArrayList<>(constraintCount);
        for (int i = 0; i < constraintCount; i++) {
            String cname = text(r);
            int kind = r.read();
            if (kind >= ConstraintSpec.Kind.values().length) {
                throw new MalformedDataException("unknown constraint kind " + kind);
            }
            List<String> cols = texts(r);
            String check = text(r);
            String refSchema = text(r);
            String refTable = text(r);
            List<String> refCols = texts(r);
            constraints.add(new ConstraintDef(cname, ConstraintSpec.Kind.values()[kind], cols, check.isEmpty() ? null : check,
                    refTable.isEmpty() ? null : new QualifiedName(refSchema, refTable), refCols));
        }
        Temporary temporary = null;
        while (r.hasRemaining()) { // optional tagged sections, each: tag, varint length, payload
            int tag = r.read();
            byte[] payload = r.read(r.readLength());
            if (tag == ConstraintActions.TAG) {
                constraints = ConstraintActions.read(payload, constraints);
            } else if (tag == TEMPORARY_TAG) {
                if (payload.length != 1 || (payload[0] & 0xFF) >= OnCommit.values().length) {
                    throw new MalformedDataException("bad ON COMMIT action of temporary table " + name);
                }
                temporary = new Temporary(true, OnCommit.values()[payload[0] & 0xFF]);
            }
        }
        return new TableDef(id, name, columns, pk, identity, indexes, constraints, temporary);
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
